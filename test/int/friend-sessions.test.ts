import { createLocalReq } from 'payload'
import { isSessionParticipant, sessionParticipants } from '../../src/domain/sessions/sessionParticipants.ts'
import { startTestApp, type TestApp } from '../helpers/app.ts'
import { sqlRows } from '../helpers/db.ts'
import { makeStaff, makeUser, makeUsers } from '../helpers/factories.ts'
import { openPlainSocket } from '../helpers/socket.ts'
import { bookSession, futureSlot, humanlinkError, makeFriend, moveIntoPast } from '../helpers/humanlink.ts'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.stop())

const hours = (n: number) => n * 3_600_000

describe('friend profiles (/api/v1/friends)', () => {
  it('lets a friend publish bio, rate, timezone and availability, in the HumanLink envelope', async () => {
    const friend = await makeFriend(app)
    const availability = [{ weekday: 0, start: '09:00', end: '17:00' }]
    const res = await app.api.patch(
      '/api/v1/friends/me/',
      { bio: 'Good listener', rate: '29.99', currency: 'usd', timezone: 'Europe/Paris', availability },
      { token: friend.token },
    )
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      success: true,
      message: 'Friend profile updated successfully',
      data: {
        id: friend.user.id,
        name: 'Sarah Friend',
        avatar: null,
        bio: 'Good listener',
        rate: '29.99',
        currency: 'USD',
        timezone: 'Europe/Paris',
        availability,
        average_rating: null,
        rating_count: 0,
      },
    })
    const shown = await app.api.get(`/api/v1/friends/${friend.user.id}/`, { token: (await makeUser(app)).token })
    expect(shown.status).toBe(200)
    expect(shown.body.data).toEqual(res.body.data)
    const own = await app.api.get('/api/v1/friends/me/', { token: friend.token })
    expect(own.body).toEqual({ success: true, data: res.body.data })
  })

  it('refuses a profile to non-friends (403) and bad values (400 with the fields)', async () => {
    const member = await makeUser(app)
    const denied = await app.api.patch('/api/v1/friends/me/', { bio: 'x' }, { token: member.token })
    expect(denied.status).toBe(403)
    expect(denied.body).toEqual({
      success: false,
      detail: 'Only friends have a friend profile.',
      message: 'Only friends have a friend profile.',
    })
    expect((await app.api.get('/api/v1/friends/me/', { token: member.token })).status).toBe(403)
    const friend = await makeFriend(app)
    const bad = await app.api.patch(
      '/api/v1/friends/me/',
      { rate: 'cheap', timezone: 'Mars/Olympus', availability: [{ weekday: 7, start: '9:00', end: '10:00' }] },
      { token: friend.token },
    )
    expect(bad.status).toBe(400)
    expect(bad.body).toEqual(
      humanlinkError({
        rate: [expect.any(String)],
        timezone: ['Enter an IANA time zone, e.g. Europe/Paris.'],
        'availability.0.weekday': [expect.any(String)],
        'availability.0.start': [expect.any(String)],
      }),
    )
    const tooPrecise = await app.api.patch('/api/v1/friends/me/', { rate: '29.999' }, { token: friend.token })
    expect(tooPrecise.body).toEqual(humanlinkError({ rate: ['Enter an amount in USD, e.g. "29.99".'] }))
  })

  it('lists friends with pagination, and 404s for someone who is not a friend', async () => {
    const viewer = await makeUser(app)
    await makeFriend(app)
    await makeFriend(app)
    const res = await app.api.get('/api/v1/friends/?page_size=1&ordering=-created_at', { token: viewer.token })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ success: true, data: { results: [expect.any(Object)] }, pagination: { page: 1, page_size: 1 } })
    expect(Number(res.body.pagination.count)).toBeGreaterThanOrEqual(2)
    expect(String(res.body.pagination.next)).toContain('page=2')
    const notFriend = await app.api.get(`/api/v1/friends/${viewer.user.id}/`, { token: viewer.token })
    expect(notFriend.status).toBe(404)
    expect(notFriend.body).toEqual({ success: false, detail: 'Friend not found.', message: 'Friend not found.' })
  })
})

describe('booking (/api/v1/sessions)', () => {
  it('books a slot and answers the session in the envelope', async () => {
    const [user, friend] = [await makeUser(app), await makeFriend(app)]
    const start = futureSlot()
    const res = await bookSession(app, user, friend, start, { notes: 'Looking forward!', price: '0.01' })
    expect(res.status).toBe(201)
    expect(res.body).toEqual({
      success: true,
      message: 'Session booked successfully',
      data: {
        id: expect.any(Number),
        user: { id: user.user.id, name: expect.any(String), avatar: null },
        friend: { id: friend.user.id, name: 'Sarah Friend', avatar: null },
        type: 'video',
        status: 'upcoming',
        scheduled_at: start.toISOString(),
        ends_at: new Date(start.getTime() + hours(1)).toISOString(),
        duration_minutes: 60,
        price: '0.00',
        currency: 'USD',
        notes: 'Looking forward!',
        payment_status: 'not_required',
        late_cancellation: false,
        cancelled_at: null,
        created_at: expect.stringMatching(/Z$/),
        client_secret: null,
      },
    })
  })

  it("opens the session's chat room (/ws/sessions/{id}/chat/) to its two people only", async () => {
    const [user, friend, outsider] = [await makeUser(app), await makeFriend(app), await makeUser(app)]
    const res = await bookSession(app, user, friend, futureSlot(5))
    expect(res.status).toBe(201)
    const path = `/ws/sessions/${Number(res.body.data.id)}/chat/`
    const sockets = await Promise.all([openPlainSocket(app.url, path, user.token), openPlainSocket(app.url, path, friend.token)])
    try {
      await Promise.all(sockets.map(({ inbox }) => inbox.waitFor('ready')))
      sockets[0].ws.send(JSON.stringify({ type: 'message', data: { text: 'See you soon' } }))
      const [received] = await sockets[1].inbox.waitFor<{ seq: number; message: string }>('message:new')
      expect(received).toMatchObject({ seq: 1, message: 'See you soon', user_id: user.user.id })
      await expect(openPlainSocket(app.url, path, outsider.token)).rejects.toThrow('refused with 403')
    } finally {
      for (const { ws } of sockets) ws.close()
    }
  })

  it('10 parallel bookings of one slot: exactly one succeeds, the others get 409', async () => {
    const friend = await makeFriend(app)
    const users = await makeUsers(app, 10)
    const start = futureSlot()
    const results = await Promise.all(users.map((user) => bookSession(app, user, friend, start)))
    expect(results.map((res) => res.status).sort()).toEqual([201, ...Array(9).fill(409)])
    for (const res of results.filter((r) => r.status === 409))
      expect(res.body).toEqual({
        success: false,
        detail: 'This friend already has a session at that time.',
        message: 'This friend already has a session at that time.',
      })
    const rows = await sqlRows(app, `SELECT id FROM friend_sessions WHERE friend_id = $1 AND status = 'upcoming'`, [friend.user.id])
    expect(rows).toHaveLength(1)
  })

  it('refuses an overlapping slot of the same user with another friend, but not a back-to-back one', async () => {
    const user = await makeUser(app)
    const [first, second] = [await makeFriend(app), await makeFriend(app)]
    const start = futureSlot()
    expect((await bookSession(app, user, first, start)).status).toBe(201)
    const overlap = await bookSession(app, user, second, new Date(start.getTime() + 30 * 60_000))
    expect(overlap.status).toBe(409)
    expect(overlap.body).toMatchObject({ success: false, detail: 'You already have a session at that time.' })
    expect((await bookSession(app, user, second, new Date(start.getTime() + hours(1)))).status).toBe(201)
  })

  it("refuses slots outside the friend's availability with the reason (400)", async () => {
    const user = await makeUser(app)
    const friend = await makeFriend(app, { availability: [{ weekday: 0, start: '09:00', end: '12:00' }] })
    const nextMonday = new Date(Date.UTC(2030, 0, 7, 11, 30)) // a Monday
    const outside = await bookSession(app, user, friend, nextMonday)
    expect(outside.status).toBe(400)
    expect(outside.body).toEqual(humanlinkError({ scheduled_at: ['The friend is available on Mon only 09:00-12:00 (UTC).'] }))
    const tuesday = await bookSession(app, user, friend, new Date(Date.UTC(2030, 0, 8, 10)))
    expect(tuesday.body).toEqual(humanlinkError({ scheduled_at: ['The friend is not available on Tue (UTC).'] }))
    expect((await bookSession(app, user, friend, new Date(Date.UTC(2030, 0, 7, 9)), { duration_minutes: 180 })).status).toBe(201)
  })

  it('refuses past times, bad durations, unknown friends and oneself (400)', async () => {
    const user = await makeUser(app)
    const friend = await makeFriend(app)
    const past = await bookSession(app, user, friend, new Date(Date.now() - hours(1)))
    expect(past.body).toEqual(humanlinkError({ scheduled_at: ['Choose a time in the future.'] }))
    const short = await bookSession(app, user, friend, futureSlot(), { duration_minutes: 10 })
    expect(short.body).toEqual(humanlinkError({ duration_minutes: ['Sessions last 15 to 240 minutes.'] }))
    const nobody = await bookSession(app, user, user, futureSlot())
    expect(nobody.status).toBe(400)
    expect(nobody.body).toEqual(humanlinkError({ friend_id: ['You cannot book a session with yourself.'] }))
    const notFriend = await bookSession(app, user, await makeUser(app), futureSlot())
    expect(notFriend.body).toEqual(humanlinkError({ friend_id: ['No such friend.'] }))
  })

  it('needs a token (401 in the HumanLink error body)', async () => {
    const res = await app.api.get('/api/v1/sessions/')
    expect(res.status).toBe(401)
    expect(res.body).toEqual(humanlinkError())
  })
})

describe('reading sessions', () => {
  it('shows a session to its two people and staff only, and lists with filters', async () => {
    const [user, friend, stranger, staff] = [
      await makeUser(app),
      await makeFriend(app),
      await makeUser(app),
      await makeStaff(app, 'manager'),
    ]
    const booked = await bookSession(app, user, friend, futureSlot(), { type: 'voice' })
    const id = Number(booked.body.data.id)
    for (const reader of [user, friend, staff])
      expect((await app.api.get(`/api/v1/sessions/${id}/`, { token: reader.token })).status).toBe(200)
    const hidden = await app.api.get(`/api/v1/sessions/${id}/`, { token: stranger.token })
    expect(hidden.status).toBe(404)
    expect(hidden.body).toEqual({ success: false, detail: 'Session not found.', message: 'Session not found.' })
    expect((await app.api.get('/api/v1/sessions/', { token: stranger.token })).body.data.results).toEqual([])
    const voice = await app.api.get('/api/v1/sessions/?type=voice&status=upcoming&date_after=2020-01-01', { token: friend.token })
    expect(voice.body.data.results.map((s) => Number(s.id))).toEqual([id])
    expect((await app.api.get('/api/v1/sessions/?type=text', { token: friend.token })).body.data.results).toEqual([])
    const badFilter = await app.api.get('/api/v1/sessions/?type=smoke&page_size=101', { token: friend.token })
    expect(badFilter.status).toBe(400)
    expect(badFilter.body).toEqual(humanlinkError({ type: [expect.any(String)], page_size: [expect.any(String)] }))
  })
})

describe('rescheduling (PATCH /api/v1/sessions/{id})', () => {
  it('moves a session, and refuses a slot that overlaps another session of the friend (409)', async () => {
    const [user, other, friend] = [await makeUser(app), await makeUser(app), await makeFriend(app)]
    const taken = futureSlot()
    expect((await bookSession(app, other, friend, taken)).status).toBe(201)
    const mine = await bookSession(app, user, friend, futureSlot())
    const id = Number(mine.body.data.id)
    const clash = await app.api.patch(`/api/v1/sessions/${id}/`, { scheduled_at: taken.toISOString() }, { token: user.token })
    expect(clash.status).toBe(409)
    expect(clash.body).toEqual(humanlinkError())
    const later = futureSlot()
    const moved = await app.api.patch(
      `/api/v1/sessions/${id}/`,
      { scheduled_at: later.toISOString(), duration_minutes: 90, notes: 'Later' },
      { token: user.token },
    )
    expect(moved.status).toBe(200)
    expect(moved.body).toMatchObject({
      success: true,
      data: { id, scheduled_at: later.toISOString(), duration_minutes: 90, notes: 'Later', status: 'upcoming' },
    })
  })

  it("reschedules with the same checks: availability, future, and the same user's other sessions", async () => {
    const user = await makeUser(app)
    const friend = await makeFriend(app, { availability: [{ weekday: 0, start: '09:00', end: '12:00' }] })
    const other = await makeFriend(app)
    const monday = new Date(Date.UTC(2030, 0, 14, 9))
    const id = Number((await bookSession(app, user, friend, monday)).body.data.id)
    const outside = await app.api.patch(
      `/api/v1/sessions/${id}/`,
      { scheduled_at: new Date(Date.UTC(2030, 0, 14, 12)).toISOString() },
      { token: user.token },
    )
    expect(outside.body).toEqual(humanlinkError({ scheduled_at: ['The friend is available on Mon only 09:00-12:00 (UTC).'] }))
    const past = await app.api.patch(
      `/api/v1/sessions/${id}/`,
      { scheduled_at: new Date(Date.now() - hours(2)).toISOString() },
      { token: user.token },
    )
    expect(past.body).toEqual(humanlinkError({ scheduled_at: ['Choose a time in the future.'] }))
    expect((await bookSession(app, user, other, new Date(Date.UTC(2030, 0, 14, 10)))).status).toBe(201)
    const ownClash = await app.api.patch(`/api/v1/sessions/${id}/`, { duration_minutes: 120 }, { token: user.token })
    expect(ownClash.status).toBe(409)
    expect(ownClash.body).toMatchObject({ detail: 'You already have a session at that time.' })
    const both = await app.api.patch(`/api/v1/sessions/${id}/`, { status: 'completed', notes: 'x' }, { token: user.token })
    expect(both.body).toEqual(humanlinkError({ status: ['Change the status on its own, without rescheduling.'] }))
  })
})

describe('outcomes and cancellation', () => {
  it('lets the friend (not the user) mark a started session completed, once', async () => {
    const [user, friend] = [await makeUser(app), await makeFriend(app)]
    const id = Number((await bookSession(app, user, friend, futureSlot())).body.data.id)
    const early = await app.api.patch(`/api/v1/sessions/${id}/`, { status: 'completed' }, { token: friend.token })
    expect(early.body).toEqual(humanlinkError({ status: ['The session has not started yet.'] }))
    await moveIntoPast(app, id, 3)
    const byUser = await app.api.patch(`/api/v1/sessions/${id}/`, { status: 'completed' }, { token: user.token })
    expect(byUser.status).toBe(403)
    expect(byUser.body).toEqual(humanlinkError())
    const done = await app.api.patch(`/api/v1/sessions/${id}/`, { status: 'completed' }, { token: friend.token })
    expect(done.status).toBe(200)
    expect(done.body.data.status).toBe('completed')
    const again = await app.api.patch(`/api/v1/sessions/${id}/`, { status: 'no_show' }, { token: friend.token })
    expect(again.status).toBe(409)
    expect(again.body).toEqual({
      success: false,
      detail: 'The session is already completed.',
      message: 'The session is already completed.',
    })
  })

  it('lets staff record a no-show', async () => {
    const [user, friend, staff] = [await makeUser(app), await makeFriend(app), await makeStaff(app)]
    const id = Number((await bookSession(app, user, friend, futureSlot())).body.data.id)
    await moveIntoPast(app, id, 5)
    const res = await app.api.patch(`/api/v1/sessions/${id}/`, { status: 'no_show' }, { token: staff.token })
    expect(res.status).toBe(200)
    expect(res.body.data.status).toBe('no_show')
  })

  it('cancels for free until 24 h before, records later ones as late, and frees the slot', async () => {
    const [user, friend, other] = [await makeUser(app), await makeFriend(app), await makeUser(app)]
    const early = Number((await bookSession(app, user, friend, futureSlot(3))).body.data.id)
    const cancelled = await app.api.delete(`/api/v1/sessions/${early}/`, { token: user.token })
    expect(cancelled.status).toBe(200)
    expect(cancelled.body).toMatchObject({
      success: true,
      message: 'Session cancelled',
      data: { id: early, status: 'cancelled', late_cancellation: false, cancelled_at: expect.stringMatching(/Z$/) },
    })
    const soon = new Date(Date.now() + hours(2))
    soon.setUTCSeconds(0, 0)
    const late = Number((await bookSession(app, user, friend, soon)).body.data.id)
    const lateRes = await app.api.delete(`/api/v1/sessions/${late}/`, { token: friend.token })
    expect(lateRes.body.data).toMatchObject({ status: 'cancelled', late_cancellation: true })
    expect((await bookSession(app, other, friend, soon)).status).toBe(201)
    const twice = await app.api.delete(`/api/v1/sessions/${late}/`, { token: user.token })
    expect(twice.status).toBe(409)
    expect(twice.body).toEqual(humanlinkError())
  })
})

describe('session participants (for the session chat)', () => {
  it("names a session's user and friend as its only members", async () => {
    const [user, friend, stranger, staff] = [await makeUser(app), await makeFriend(app), await makeUser(app), await makeStaff(app)]
    const id = Number((await bookSession(app, user, friend, futureSlot())).body.data.id)
    const req = await createLocalReq({}, app.payload)
    expect(await sessionParticipants(req, id)).toEqual({
      sessionId: id,
      userId: user.user.id,
      friendId: friend.user.id,
      status: 'upcoming',
    })
    expect(await sessionParticipants(req, 999999)).toBeNull()
    for (const [member, expected] of [
      [user, true],
      [friend, true],
      [stranger, false],
      [staff, false],
    ] as const)
      expect(await isSessionParticipant(req, id, member.user.id)).toBe(expected)
  })
})
