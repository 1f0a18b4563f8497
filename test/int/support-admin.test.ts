import { startTestApp, type TestApp } from '../helpers/app.ts'
import { sqlRows } from '../helpers/db.ts'
import { makeStaff, makeUser, type TestUser } from '../helpers/factories.ts'
import { completedSession, humanlinkError, makeFriend } from '../helpers/humanlink.ts'

let app: TestApp
let roles: Record<'user' | 'friend' | 'manager' | 'admin', TestUser>
beforeAll(async () => {
  app = await startTestApp()
  roles = {
    user: await makeUser(app),
    friend: await makeFriend(app),
    manager: await makeStaff(app, 'manager'),
    admin: await makeStaff(app, 'admin'),
  }
})
afterAll(() => app.stop())

const ticketNotifications = (userId: number) =>
  sqlRows<{ title: string; message: string }>(
    app,
    `SELECT n.title, n.message FROM notifications n JOIN notification_types t ON t.id = n.type_id
     WHERE t.code = 'support_ticket_updated' AND n.recipient_id = $1 ORDER BY n.id`,
    [userId],
  )

describe('admin tools: the role matrix', () => {
  const matrix: [string, Record<keyof typeof roles, number>][] = [
    ['/api/v1/admin/users/', { user: 403, friend: 403, manager: 403, admin: 200 }],
    ['/api/v1/admin/friends/', { user: 403, friend: 403, manager: 403, admin: 200 }],
    ['/api/v1/admin/tickets/', { user: 403, friend: 403, manager: 200, admin: 200 }],
  ]
  it.each(matrix)('%s answers each role as documented, in the HumanLink envelope', async (path, expected) => {
    for (const [role, status] of Object.entries(expected)) {
      const res = await app.api.get(path, { token: roles[role as keyof typeof roles].token })
      expect([role, res.status]).toEqual([role, status])
      if (status === 403) expect(res.body).toEqual(humanlinkError())
      else expect(res.body).toMatchObject({ success: true, data: { results: expect.any(Array) }, pagination: { page: 1 } })
    }
    const anonymous = await app.api.get(path)
    expect(anonymous.status).toBe(401)
    expect(anonymous.body).toEqual(humanlinkError())
  })

  it('admin/users filters by role, status and search', async () => {
    const tag = `zq${Date.now()}`
    const active = await makeUser(app, { first_name: tag, roles: ['facilitator'] })
    const inactive = await makeUser(app, { first_name: tag, is_active: false })
    const ids = async (query: string) =>
      (await app.api.get(`/api/v1/admin/users/?search=${tag}&${query}`, { token: roles.admin.token })).body.data.results.map((row) =>
        Number(row.id),
      )
    expect((await ids('')).sort()).toEqual([active.user.id, inactive.user.id].sort())
    expect(await ids('status=active')).toEqual([active.user.id])
    expect(await ids('status=inactive')).toEqual([inactive.user.id])
    expect(await ids('role=facilitator')).toEqual([active.user.id])
    expect((await app.api.get('/api/v1/admin/users/?status=gone', { token: roles.admin.token })).body).toEqual(
      humanlinkError({ status: [expect.any(String)] }),
    )
  })

  it('admin/friends shows average rating, sessions count and earnings', async () => {
    const friend = await makeFriend(app, { user: { first_name: `Earner${Date.now()}` } })
    const user = await makeUser(app)
    const id = await completedSession(app, user, friend)
    await app.api.post('/api/v1/feedback/', { session_id: id, rating: 4 }, { token: user.token })
    const res = await app.api.get(`/api/v1/admin/friends/?search=${encodeURIComponent(friend.user.first_name ?? '')}`, {
      token: roles.admin.token,
    })
    expect(res.body.data.results).toEqual([
      expect.objectContaining({
        id: friend.user.id,
        average_rating: 4,
        rating_count: 1,
        sessions_count: 1,
        completed_sessions_count: 1,
        earnings: '0.00',
      }),
    ])
  })
})

describe('support tickets', () => {
  it('users open tickets and see only their own, with the replies', async () => {
    const [owner, other] = [await makeUser(app), await makeUser(app)]
    const opened = await app.api.post(
      '/api/v1/support/tickets/',
      { subject: 'Cannot book', message: 'The button does nothing' },
      { token: owner.token },
    )
    expect(opened.status).toBe(201)
    expect(opened.body).toEqual({
      success: true,
      message: 'Ticket opened',
      data: {
        id: expect.any(Number),
        subject: 'Cannot book',
        message: 'The button does nothing',
        status: 'open',
        user: { id: owner.user.id, name: expect.any(String), avatar: null },
        assigned_to: null,
        replies: [],
        resolved_at: null,
        created_at: expect.stringMatching(/Z$/),
        updated_at: expect.stringMatching(/Z$/),
      },
    })
    const id = Number(opened.body.data.id)
    const mine = await app.api.get('/api/v1/support/tickets/', { token: owner.token })
    expect(mine.body.data.results.map((row) => Number(row.id))).toEqual([id])
    expect((await app.api.get('/api/v1/support/tickets/', { token: other.token })).body.data.results).toEqual([])
    const hidden = await app.api.get(`/api/v1/support/tickets/${id}/`, { token: other.token })
    expect(hidden.status).toBe(404)
    expect(hidden.body).toEqual({ success: false, detail: 'Ticket not found.', message: 'Ticket not found.' })
    const bad = await app.api.post('/api/v1/support/tickets/', { subject: '' }, { token: owner.token })
    expect(bad.body).toEqual(humanlinkError({ subject: [expect.any(String)], message: [expect.any(String)] }))
  })

  it('staff reply, assign and resolve; the user is notified of each reply and of the resolution', async () => {
    const owner = await makeUser(app)
    const id = Number(
      (await app.api.post('/api/v1/support/tickets/', { subject: 'Refund', message: 'Please' }, { token: owner.token })).body.data.id,
    )
    const patch = (body: Record<string, unknown>, token = roles.manager.token) =>
      app.api.patch(`/api/v1/admin/tickets/${id}/`, body, { token })
    const replied = await patch({ status: 'in_progress', assigned_to: roles.manager.user.id, reply: 'Looking into it' })
    expect(replied.status).toBe(200)
    expect(replied.body.data).toMatchObject({
      status: 'in_progress',
      assigned_to: { id: roles.manager.user.id },
      replies: [{ message: 'Looking into it', author: { id: roles.manager.user.id }, created_at: expect.stringMatching(/Z$/) }],
    })
    const resolved = await patch({ status: 'resolved', reply: 'Refunded' }, roles.admin.token)
    expect(resolved.body.data).toMatchObject({ status: 'resolved', resolved_at: expect.stringMatching(/Z$/) })
    expect(resolved.body.data.replies).toHaveLength(2)
    expect(await ticketNotifications(owner.user.id)).toEqual([
      { title: 'New reply to your ticket "Refund"', message: 'Looking into it' },
      { title: 'New reply to your ticket "Refund"', message: 'Refunded' },
      { title: 'Your ticket "Refund" was resolved', message: expect.any(String) },
    ])
    const seen = await app.api.get(`/api/v1/support/tickets/${id}/`, { token: owner.token })
    expect(seen.body.data.replies.map((reply) => String(reply.message))).toEqual(['Looking into it', 'Refunded'])

    const filtered = await app.api.get(`/api/v1/admin/tickets/?status=resolved&assigned_to=${roles.manager.user.id}`, {
      token: roles.admin.token,
    })
    expect(filtered.body.data.results.map((row) => Number(row.id))).toContain(id)
    expect((await app.api.get('/api/v1/admin/tickets/?status=open&assigned_to=1', { token: roles.admin.token })).body.data.results).toEqual(
      [],
    )
  })

  it('keeps both of two concurrent replies', async () => {
    const owner = await makeUser(app)
    const id = Number(
      (await app.api.post('/api/v1/support/tickets/', { subject: 'Race', message: 'x' }, { token: owner.token })).body.data.id,
    )
    const results = await Promise.all(
      ['one', 'two'].map((reply) => app.api.patch(`/api/v1/admin/tickets/${id}/`, { reply }, { token: roles.manager.token })),
    )
    expect(results.map((res) => res.status)).toEqual([200, 200])
    const seen = await app.api.get(`/api/v1/support/tickets/${id}/`, { token: owner.token })
    expect(seen.body.data.replies.map((reply) => String(reply.message)).sort()).toEqual(['one', 'two'])
    expect(await ticketNotifications(owner.user.id)).toHaveLength(2)
  })

  it('refuses members on the staff routes and bad actions', async () => {
    const owner = await makeUser(app)
    const id = Number((await app.api.post('/api/v1/support/tickets/', { subject: 'S', message: 'M' }, { token: owner.token })).body.data.id)
    const denied = await app.api.patch(`/api/v1/admin/tickets/${id}/`, { status: 'closed' }, { token: owner.token })
    expect(denied.status).toBe(403)
    expect(denied.body).toEqual(humanlinkError())
    const empty = await app.api.patch(`/api/v1/admin/tickets/${id}/`, {}, { token: roles.manager.token })
    expect(empty.body).toEqual(humanlinkError({ non_field_errors: ['Send status, assigned_to or reply.'] }))
    const notStaff = await app.api.patch(`/api/v1/admin/tickets/${id}/`, { assigned_to: owner.user.id }, { token: roles.manager.token })
    expect(notStaff.body).toEqual(humanlinkError({ assigned_to: ['Tickets are assigned to staff members.'] }))
    const missing = await app.api.patch('/api/v1/admin/tickets/999999/', { status: 'closed' }, { token: roles.manager.token })
    expect(missing.status).toBe(404)
  })

  it('notifies the opener of a reply made in the admin (Payload REST, same hooks)', async () => {
    const owner = await makeUser(app)
    const id = Number(
      (await app.api.post('/api/v1/support/tickets/', { subject: 'Admin', message: 'x' }, { token: owner.token })).body.data.id,
    )
    const res = await app.api.patch(
      `/api/support-tickets/${id}`,
      { replies: [{ message: 'From the admin' }], status: 'resolved' },
      { token: roles.admin.token },
    )
    expect(res.status).toBe(200)
    expect((await ticketNotifications(owner.user.id)).map((row) => row.title)).toEqual([
      'New reply to your ticket "Admin"',
      'Your ticket "Admin" was resolved',
    ])
    const byMember = await app.api.patch(`/api/support-tickets/${id}`, { status: 'open' }, { token: owner.token })
    expect(byMember.status).toBe(403)
  })
})
