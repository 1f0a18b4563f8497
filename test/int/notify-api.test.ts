import { startTestApp, type TestApp } from '../helpers/app.ts'
import { makeStaff, makeUser } from '../helpers/factories.ts'
import { entryForType, notifyUser } from '../helpers/notifications.ts'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.stop())

const historyItem = {
  id: expect.any(Number),
  title: 'Build finished',
  message: 'Model v2 is ready',
  notification_type: 'info',
  read: false,
  action_url: 'https://app.example.com/models/2',
  metadata: { model: 2 },
  created_at: expect.stringMatching(/Z$/),
  read_at: null,
}

describe('notify API (spec 003)', () => {
  it('sends to the caller by default and lists it in the history', async () => {
    const member = await makeUser(app)
    const body = {
      title: 'Build finished',
      message: 'Model v2 is ready',
      notification_type: 'info',
      action_url: 'https://app.example.com/models/2',
      metadata: { model: 2 },
    }
    const sent = await app.api.post('/api/v1/notify/send', body, { token: member.token })
    expect(sent.status).toBe(201)
    expect(sent.body).toEqual(historyItem)
    const history = await app.api.get('/api/v1/notify/history', { token: member.token })
    expect(history.status).toBe(200)
    expect(history.body).toEqual([historyItem])
    // The same row is spec 002's inbox entry.
    const inbox = await app.api.get('/api/v1/communications/notifications/', { token: member.token })
    expect(inbox.body.results[0]).toMatchObject({ id: sent.body.id, notification_type: { code: 'info' } })
  })

  it('lets only admins name another recipient', async () => {
    const member = await makeUser(app)
    const target = await makeUser(app)
    const refused = await app.api.post(`/api/v1/notify/send?user_id=${target.user.id}`, { title: 'Hi' }, { token: member.token })
    expect(refused.status).toBe(403)
    expect(refused.body).toEqual({ detail: 'Only admins may notify another user.' })
    const admin = await makeStaff(app, 'admin')
    const sent = await app.api.post(
      `/api/v1/notify/send?user_id=${target.user.id}`,
      { title: 'From the team', notification_type: 'system' },
      { token: admin.token },
    )
    expect(sent.status).toBe(201)
    expect((await app.api.get('/api/v1/notify/history', { token: target.token })).body).toEqual([
      expect.objectContaining({ title: 'From the team', notification_type: 'system' }),
    ])
    const nobody = await app.api.post('/api/v1/notify/send?user_id=99999999', { title: 'x' }, { token: admin.token })
    expect(nobody.status).toBe(404)
    expect(nobody.body).toEqual({ detail: 'User not found.' })
  })

  it('validates the body', async () => {
    const member = await makeUser(app)
    const res = await app.api.post(
      '/api/v1/notify/send',
      { message: 'no title', notification_type: 'nope', action_url: 'javascript:alert(1)' },
      { token: member.token },
    )
    expect(res.status).toBe(400)
    expect(res.body).toEqual({
      detail: 'Validation failed',
      errors: { title: ['This field is required.'], action_url: ['Enter an http(s) URL.'] },
    })
    const unknownType = await app.api.post(
      '/api/v1/notify/send',
      { title: 'x', notification_type: 'no_such_type' },
      { token: member.token },
    )
    expect(unknownType.status).toBe(400)
    expect(unknownType.body).toEqual({
      detail: 'Validation failed',
      errors: { notification_type: ['Unknown or inactive notification type.'] },
    })
  })

  it('pages the history with skip and limit, filters unread_only, marks read and marks all read', async () => {
    const member = await makeUser(app)
    const ids: number[] = []
    for (let i = 1; i <= 4; i++) ids.push((await notifyUser(app, member.user.id, 'info', { title: `H${i}` })).id)
    const page = await app.api.get('/api/v1/notify/history?skip=1&limit=2', { token: member.token })
    expect(page.body.map((n) => n.title)).toEqual(['H3', 'H2'])
    const read = await app.api.post(`/api/v1/notify/${ids[0]}/read`, undefined, { token: member.token })
    expect(read.status).toBe(200)
    expect(read.body).toMatchObject({ id: ids[0], read: true, read_at: expect.stringMatching(/Z$/) })
    const unread = await app.api.get('/api/v1/notify/history?unread_only=true', { token: member.token })
    expect(unread.body.map((n) => n.title)).toEqual(['H4', 'H3', 'H2'])
    const all = await app.api.post('/api/v1/notify/mark-all-read', undefined, { token: member.token })
    expect(all.status).toBe(200)
    expect(all.body).toEqual({ marked: 3, status: 'marked 3 notifications as read' })
    expect((await app.api.get('/api/v1/notify/history?unread_only=true', { token: member.token })).body).toEqual([])
    const bad = await app.api.get('/api/v1/notify/history?limit=0&skip=-1', { token: member.token })
    expect(bad.status).toBe(400)
    expect(bad.body).toEqual({ detail: 'Validation failed', errors: { limit: [expect.any(String)], skip: [expect.any(String)] } })
  })

  it('answers 200 sent:false when the recipient turned the type off', async () => {
    const member = await makeUser(app)
    const typeId = entryForType(
      (await app.api.get('/api/v1/notifications/preferences/', { token: member.token })).body.type_preferences,
      'warning',
    ).notification_type.id
    await app.api.patch(
      '/api/v1/notifications/preferences/update_type/',
      { notification_type_id: typeId, frequency: 'disabled' },
      { token: member.token },
    )
    const res = await app.api.post('/api/v1/notify/send', { title: 'Careful', notification_type: 'warning' }, { token: member.token })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ sent: false, detail: 'Not sent: the recipient has turned this notification type off.' })
  })
})
