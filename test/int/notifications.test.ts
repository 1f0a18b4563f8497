import { poolOf } from '../../src/lib/db/pool.ts'
import { startTestApp, type TestApp } from '../helpers/app.ts'
import { makeUser, type TestUser } from '../helpers/factories.ts'
import { notifyUser, unreadInDatabase } from '../helpers/notifications.ts'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.stop())

const base = '/api/v1/communications/notifications/'
const get = (path: string, who: TestUser) => app.api.get(path, { token: who.token })
const post = (path: string, who: TestUser) => app.api.post(path, undefined, { token: who.token })
const sql = (text: string, values: unknown[] = []) => poolOf(app.payload).query(text, values)

const messageType = {
  id: expect.any(Number),
  code: 'message_received',
  name: 'Message Received',
  description: 'A new message was received',
  is_active: true,
}

describe('GET communications/notifications/', () => {
  it("lists the caller's notifications newest first in spec 002's shape", async () => {
    const alice = await makeUser(app)
    await notifyUser(app, alice.user.id, 'project_update', { title: 'Older' })
    const stored = await notifyUser(app, alice.user.id, 'message_received', {
      title: 'You have a new message',
      message: 'Investor John Doe sent you a message',
      actor: { type: 'investor', user_id: 42, investor_id: 7, display_name: 'Acme Ventures' },
      redirect: { kind: 'message', id: 99, url: '/messages/99' },
    })
    const res = await get(base, alice)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ count: 2, next: null, previous: null, results: [expect.any(Object), expect.any(Object)] })
    expect(res.body.results[0]).toEqual({
      id: stored.id,
      notification_id: stored.notification_id,
      notification_type: messageType,
      title: 'You have a new message',
      message: 'Investor John Doe sent you a message',
      is_read: false,
      priority: 'medium',
      priority_display: 'Medium',
      actor: { type: 'investor', user_id: 42, investor_id: 7, display_name: 'Acme Ventures' },
      redirect: { kind: 'message', id: 99, url: '/messages/99' },
      action_url: null,
      metadata: {},
      created_at: expect.stringMatching(/Z$/),
      updated_at: expect.stringMatching(/Z$/),
      read_at: null,
      expires_at: null,
    })
    expect(res.body.results[1]).toMatchObject({
      title: 'Older',
      notification_type: { code: 'project_update' },
      actor: null,
      redirect: null,
    })
  })

  it('filters by is_read, type, priority, created_after and created_before', async () => {
    const bob = await makeUser(app)
    const low = await notifyUser(app, bob.user.id, 'system', { title: 'Low one', priority: 'low' })
    const high = await notifyUser(app, bob.user.id, 'message_received', { title: 'High one', priority: 'high' })
    await sql(`UPDATE notifications SET created_at = '2025-01-01T00:00:00Z' WHERE id = $1`, [low.id])
    await post(`${base}${high.id}/mark_as_read/`, bob)
    const titles = async (query: string) => (await get(`${base}?${query}`, bob)).body.results.map((n) => String(n.title))
    expect(await titles('is_read=true')).toEqual(['High one'])
    expect(await titles('is_read=false')).toEqual(['Low one'])
    expect(await titles('type=system')).toEqual(['Low one'])
    expect(await titles('priority=high')).toEqual(['High one'])
    expect(await titles('created_after=2025-06-01T00:00:00Z')).toEqual(['High one'])
    expect(await titles('created_before=2025-06-01T00:00:00Z')).toEqual(['Low one'])
    expect(await titles('type=no_such_type')).toEqual([])
    const bad = await get(`${base}?priority=urgent&created_after=yesterday`, bob)
    expect(bad.status).toBe(400)
    expect(bad.body).toEqual({
      detail: 'Validation failed',
      errors: { priority: [expect.any(String)], created_after: ['Enter an ISO 8601 date or date-time.'] },
      priority: [expect.any(String)],
      created_after: ['Enter an ISO 8601 date or date-time.'],
    })
  })

  it('paginates with absolute next and previous links', async () => {
    const carol = await makeUser(app)
    for (let i = 1; i <= 5; i++) await notifyUser(app, carol.user.id, 'system', { title: `N${i}` })
    const first = await get(`${base}?page_size=2&type=system`, carol)
    expect(first.body).toMatchObject({
      count: 5,
      previous: null,
      next: expect.stringMatching(/^http:\/\/.+\/api\/v1\/communications\/notifications\/\?/),
    })
    const next = new URL(String(first.body.next))
    expect(Object.fromEntries(next.searchParams)).toEqual({ page: '2', page_size: '2', type: 'system' })
    const second = await get(`${next.pathname}${next.search}`, carol)
    expect(second.body.results.map((n) => n.title)).toEqual(['N3', 'N2'])
    expect(new URL(String(second.body.previous)).searchParams.get('page')).toBe('1')
    const beyond = await get(`${base}?page=9`, carol)
    expect(beyond.status).toBe(404)
    expect(beyond.body).toEqual({ detail: 'Invalid page.', error: 'Invalid page.' })
  })

  it('hides expired notifications', async () => {
    const dora = await makeUser(app)
    await notifyUser(app, dora.user.id, 'system', { title: 'Gone', expires_at: new Date(Date.now() - 1000) })
    await notifyUser(app, dora.user.id, 'system', { title: 'Still here', expires_at: new Date(Date.now() + 3_600_000) })
    expect((await get(base, dora)).body.results.map((n) => n.title)).toEqual(['Still here'])
    expect((await get(`${base}unread_count/`, dora)).body).toEqual({ unread_count: 1, count: 1 })
  })

  it('needs a signed-in caller', async () => {
    const res = await app.api.get(base)
    expect(res.status).toBe(401)
    expect(res.body).toEqual({
      detail: 'Authentication credentials were not provided.',
      error: 'Authentication credentials were not provided.',
    })
  })
})

describe('notification actions', () => {
  it('counts unread, marks one read and unread (by id or uuid), and answers the documented status strings', async () => {
    const erin = await makeUser(app)
    const one = await notifyUser(app, erin.user.id, 'system', { title: 'One' })
    await notifyUser(app, erin.user.id, 'system', { title: 'Two' })
    expect((await get(`${base}unread_count/`, erin)).body).toEqual({ unread_count: 2, count: 2 })
    const read = await post(`${base}${one.notification_id}/mark_as_read/`, erin)
    expect(read.status).toBe(200)
    expect(read.body).toEqual({ status: 'notification marked as read' })
    expect((await get(`${base}${one.id}/`, erin)).body).toMatchObject({ is_read: true, read_at: expect.stringMatching(/Z$/) })
    expect((await get(`${base}unread_count/`, erin)).body).toEqual({ unread_count: 1, count: 1 })
    expect((await post(`${base}${one.id}/mark_as_read/`, erin)).body).toEqual({ status: 'notification marked as read' })
    const unread = await post(`${base}${one.id}/mark_as_unread/`, erin)
    expect(unread.body).toEqual({ status: 'notification marked as unread' })
    expect((await get(`${base}${one.id}/`, erin)).body).toMatchObject({ is_read: false, read_at: null })
  })

  it('marks all read and all unread, naming the real number changed', async () => {
    const finn = await makeUser(app)
    for (const title of ['a', 'b', 'c']) await notifyUser(app, finn.user.id, 'system', { title })
    expect((await post(`${base}mark_all_as_read/`, finn)).body).toEqual({ status: 'marked 3 notifications as read' })
    expect((await post(`${base}mark_all_as_read/`, finn)).body).toEqual({ status: 'marked 0 notifications as read' })
    const [first] = (await get(base, finn)).body.results
    await post(`${base}${first.id}/mark_as_unread/`, finn)
    expect((await post(`${base}mark_all_as_unread/`, finn)).body).toEqual({ status: 'marked 2 notifications as unread' })
    expect(await unreadInDatabase(app, finn.user.id)).toBe(3)
  })

  it('resolves to the redirect only, and deletes', async () => {
    const gus = await makeUser(app)
    const stored = await notifyUser(app, gus.user.id, 'message_received', {
      title: 'Hi',
      redirect: { kind: 'message', id: 5, url: '/messages/5' },
    })
    expect((await get(`${base}${stored.id}/resolve/`, gus)).body).toEqual({ redirect: { kind: 'message', id: 5, url: '/messages/5' } })
    const removed = await app.api.delete(`${base}${stored.notification_id}/`, { token: gus.token })
    expect(removed.status).toBe(204)
    expect(removed.text).toBe('')
    expect((await get(`${base}${stored.id}/`, gus)).status).toBe(404)
  })

  it('refuses to create notifications through the public API (ours and Payload REST)', async () => {
    const hal = await makeUser(app)
    const ours = await app.api.post(base, { title: 'Spam', recipient: hal.user.id }, { token: hal.token })
    expect(ours.status).toBe(403)
    expect(ours.body).toEqual({
      detail: 'Creation of notifications via the public API is disabled.',
      error: 'Creation of notifications via the public API is disabled.',
    })
    const rest = await app.api.post('/api/notifications', { title: 'Spam', recipient: hal.user.id, type: 1 }, { token: hal.token })
    expect(rest.status).toBe(403)
    expect(await unreadInDatabase(app, hal.user.id)).toBe(0)
  })
})

describe("another user's notifications", () => {
  it('are invisible on every route', async () => {
    const owner = await makeUser(app)
    const other = await makeUser(app)
    const stored = await notifyUser(app, owner.user.id, 'system', { title: 'Private', redirect: { kind: 'message', id: 1 } })
    const notFound = { detail: 'Notification not found.', error: 'Notification not found.' }
    for (const ref of [stored.id, stored.notification_id]) {
      for (const res of [
        await get(`${base}${ref}/`, other),
        await get(`${base}${ref}/resolve/`, other),
        await post(`${base}${ref}/mark_as_read/`, other),
        await post(`${base}${ref}/mark_as_unread/`, other),
        await app.api.delete(`${base}${ref}/`, { token: other.token }),
      ]) {
        expect(res.status).toBe(404)
        expect(res.body).toEqual(notFound)
      }
    }
    const spec003 = await post(`/api/v1/notify/${stored.id}/read`, other)
    expect(spec003.status).toBe(404)
    expect(spec003.body).toEqual({ detail: 'Notification not found.' })
    expect((await get(base, other)).body).toMatchObject({ count: 0, results: [] })
    expect((await get('/api/v1/notify/history', other)).body).toEqual([])
    expect((await get(`${base}unread_count/`, other)).body).toEqual({ unread_count: 0, count: 0 })
    expect((await post(`${base}mark_all_as_read/`, other)).body).toEqual({ status: 'marked 0 notifications as read' })
    const rest = await app.api.get(`/api/notifications/${stored.id}`, { token: other.token })
    expect(rest.status).toBe(404)
    expect((await app.api.get('/api/notifications', { token: other.token })).body.totalDocs).toBe(0)
    // ...and the owner's notification is untouched.
    expect((await get(`${base}${stored.id}/`, owner)).body).toMatchObject({ is_read: false, title: 'Private' })
  })
})
