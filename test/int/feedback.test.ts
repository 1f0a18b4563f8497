import { startTestApp, type TestApp } from '../helpers/app.ts'
import { makeStaff, makeUser } from '../helpers/factories.ts'
import { bookSession, completedSession, futureSlot, humanlinkError, makeFriend } from '../helpers/humanlink.ts'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.stop())

const submit = (token: string, body: Record<string, unknown>) => app.api.post('/api/v1/feedback/', body, { token })

describe('POST /api/v1/feedback', () => {
  it("stores the session user's rating and keeps the friend's average and count current", async () => {
    const [user, other, friend] = [await makeUser(app), await makeUser(app), await makeFriend(app)]
    const first = await completedSession(app, user, friend)
    const res = await submit(user.token, {
      session_id: first,
      rating: 5,
      comment: 'Excellent!',
      categories: ['Helpful', 'helpful', 'engaging'],
    })
    expect(res.status).toBe(201)
    expect(res.body).toEqual({
      success: true,
      message: 'Thank you for your feedback',
      data: {
        id: expect.any(Number),
        session_id: first,
        user_id: user.user.id,
        friend_id: friend.user.id,
        rating: 5,
        comment: 'Excellent!',
        categories: ['helpful', 'engaging'],
        created_at: expect.stringMatching(/Z$/),
      },
    })
    expect((await submit(other.token, { session_id: await completedSession(app, other, friend), rating: 2 })).status).toBe(201)
    const shown = await app.api.get(`/api/v1/friends/${friend.user.id}/`, { token: user.token })
    expect(shown.body.data).toMatchObject({ average_rating: 3.5, rating_count: 2 })
  })

  it("is only for the session's user: the friend gets 403, anyone else 404", async () => {
    const [user, stranger, friend] = [await makeUser(app), await makeUser(app), await makeFriend(app)]
    const id = await completedSession(app, user, friend)
    const byFriend = await submit(friend.token, { session_id: id, rating: 5 })
    expect(byFriend.status).toBe(403)
    expect(byFriend.body).toEqual({
      success: false,
      detail: "Only the session's user can leave feedback on it.",
      message: "Only the session's user can leave feedback on it.",
    })
    const byStranger = await submit(stranger.token, { session_id: id, rating: 5 })
    expect(byStranger.status).toBe(404)
    expect(byStranger.body).toEqual({ success: false, detail: 'Session not found.', message: 'Session not found.' })
  })

  it('is only after completion (400 for an upcoming or cancelled session)', async () => {
    const [user, friend] = [await makeUser(app), await makeFriend(app)]
    const upcoming = Number((await bookSession(app, user, friend, futureSlot())).body.data.id)
    const res = await submit(user.token, { session_id: upcoming, rating: 4 })
    expect(res.status).toBe(400)
    expect(res.body).toEqual(humanlinkError({ session_id: ['Feedback can be left once the session is completed.'] }))
    await app.api.delete(`/api/v1/sessions/${upcoming}/`, { token: user.token })
    expect((await submit(user.token, { session_id: upcoming, rating: 4 })).status).toBe(400)
  })

  it('is only once, even when submitted twice at the same time (one 201, then 409)', async () => {
    const [user, friend] = [await makeUser(app), await makeFriend(app)]
    const id = await completedSession(app, user, friend)
    const results = await Promise.all([
      submit(user.token, { session_id: id, rating: 4 }),
      submit(user.token, { session_id: id, rating: 1 }),
    ])
    expect(results.map((res) => res.status).sort()).toEqual([201, 409])
    expect(results.find((res) => res.status === 409)?.body).toEqual({
      success: false,
      detail: 'Feedback for this session was already submitted.',
      message: 'Feedback for this session was already submitted.',
    })
    const again = await submit(user.token, { session_id: id, rating: 3 })
    expect(again.status).toBe(409)
    expect(again.body).toEqual({
      success: false,
      detail: 'Feedback for this session was already submitted.',
      message: 'Feedback for this session was already submitted.',
    })
    const shown = await app.api.get(`/api/v1/friends/${friend.user.id}/`, { token: user.token })
    expect(shown.body.data.rating_count).toBe(1)
  })

  it('validates the rating (1-5) and the body', async () => {
    const user = await makeUser(app)
    const res = await submit(user.token, { session_id: 'one', rating: 6, categories: 'nice' })
    expect(res.status).toBe(400)
    expect(res.body).toEqual(
      humanlinkError({ session_id: [expect.any(String)], rating: ['Rate from 1 to 5.'], categories: [expect.any(String)] }),
    )
  })
})

describe('GET /api/v1/feedback', () => {
  it('shows friends the feedback about them and admins all of it, with filters; others get 403', async () => {
    const [user, friend, otherFriend, admin, manager] = [
      await makeUser(app),
      await makeFriend(app),
      await makeFriend(app),
      await makeStaff(app, 'admin'),
      await makeStaff(app, 'manager'),
    ]
    const good = await completedSession(app, user, friend)
    const poor = await completedSession(app, user, friend)
    const elsewhere = await completedSession(app, user, otherFriend)
    await submit(user.token, { session_id: good, rating: 5 })
    await submit(user.token, { session_id: poor, rating: 2 })
    await submit(user.token, { session_id: elsewhere, rating: 4 })

    const mine = await app.api.get('/api/v1/feedback/', { token: friend.token })
    expect(mine.status).toBe(200)
    expect(mine.body).toMatchObject({ success: true, pagination: { count: 2, next: null, previous: null } })
    expect(mine.body.data.results.map((row) => Number(row.session_id)).sort()).toEqual([good, poor].sort())
    const filtered = await app.api.get(`/api/v1/feedback/?rating_min=4&date_after=2020-01-01`, { token: friend.token })
    expect(filtered.body.data.results.map((row) => Number(row.session_id))).toEqual([good])
    const bySession = await app.api.get(`/api/v1/feedback/?session_id=${elsewhere}`, { token: admin.token })
    expect(bySession.body.data.results.map((row) => Number(row.rating))).toEqual([4])
    const hidden = await app.api.get(`/api/v1/feedback/?session_id=${elsewhere}`, { token: friend.token })
    expect(hidden.body.data.results).toEqual([])

    for (const caller of [user, manager]) {
      const denied = await app.api.get('/api/v1/feedback/', { token: caller.token })
      expect(denied.status).toBe(403)
      expect(denied.body).toEqual({
        success: false,
        detail: 'Only friends and admins can view feedback.',
        message: 'Only friends and admins can view feedback.',
      })
    }
  })
})
