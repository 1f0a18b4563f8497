import { startTestApp, type TestApp } from '../helpers/app.ts'
import { makeStaff, makeUser } from '../helpers/factories.ts'
import { humanlinkError, makeFriend } from '../helpers/humanlink.ts'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.stop())

const personality = (interests: string[], communication_style = 'friendly', availability = ['evenings']) => ({
  personality_data: { interests, communication_style, availability },
})

describe('POST /api/v1/matches (managers, admins)', () => {
  it('creates a pending match with the computed score; the friend shows as {id, name, avatar}', async () => {
    const manager = await makeStaff(app, 'manager')
    const user = await makeUser(app, personality(['music', 'hiking']))
    const friend = await makeFriend(app, { user: { first_name: 'Sarah', last_name: 'Lee', ...personality(['music', 'hiking']) } })
    const res = await app.api.post('/api/v1/matches/', { user_id: user.user.id, friend_id: friend.user.id }, { token: manager.token })
    expect(res.status).toBe(201)
    expect(res.body).toEqual({
      success: true,
      message: 'Match created successfully',
      data: {
        id: expect.any(Number),
        user: { id: user.user.id, name: expect.any(String), avatar: null },
        friend: { id: friend.user.id, name: 'Sarah Lee', avatar: null },
        compatibility_score: 100,
        status: 'pending',
        created_at: expect.stringMatching(/Z$/),
        responded_at: null,
      },
    })
    const twice = await app.api.post('/api/v1/matches/', { user_id: user.user.id, friend_id: friend.user.id }, { token: manager.token })
    expect(twice.status).toBe(409)
    expect(twice.body).toEqual({
      success: false,
      detail: 'This user and friend are already matched.',
      message: 'This user and friend are already matched.',
    })
  })

  it('puts overlapping interests above disjoint ones', async () => {
    const admin = await makeStaff(app, 'admin')
    const user = await makeUser(app, personality(['technology', 'music', 'chess']))
    const close = await makeFriend(app, { user: personality(['music', 'chess', 'cooking']) })
    const far = await makeFriend(app, { user: personality(['knitting', 'surfing']) })
    const scoreOf = async (friendId: number) =>
      Number(
        (await app.api.post('/api/v1/matches/', { user_id: user.user.id, friend_id: friendId }, { token: admin.token })).body.data
          .compatibility_score,
      )
    const [closeScore, farScore] = [await scoreOf(close.user.id), await scoreOf(far.user.id)]
    expect(closeScore).toBeGreaterThan(farScore)
    const listed = await app.api.get(`/api/v1/matches/?user_id=${user.user.id}`, { token: admin.token })
    expect(listed.body.data.results.map((match) => Number(match.friend.id))).toEqual([close.user.id, far.user.id])
  })

  it('is refused to members (403) and validates the people (400)', async () => {
    const [member, manager, friend] = [await makeUser(app), await makeStaff(app, 'manager'), await makeFriend(app)]
    const denied = await app.api.post('/api/v1/matches/', { user_id: member.user.id, friend_id: friend.user.id }, { token: member.token })
    expect(denied.status).toBe(403)
    expect(denied.body).toEqual(humanlinkError())
    const notFriend = await app.api.post(
      '/api/v1/matches/',
      { user_id: friend.user.id, friend_id: member.user.id },
      { token: manager.token },
    )
    expect(notFriend.body).toEqual(humanlinkError({ friend_id: ['No such friend.'] }))
    const missing = await app.api.post('/api/v1/matches/', { user_id: 999999, friend_id: friend.user.id }, { token: manager.token })
    expect(missing.body).toEqual(humanlinkError({ user_id: ['No such user.'] }))
    const bad = await app.api.post('/api/v1/matches/', { user_id: 'x' }, { token: manager.token })
    expect(bad.body).toEqual(humanlinkError({ user_id: [expect.any(String)], friend_id: [expect.any(String)] }))
  })
})

describe('reading and answering matches', () => {
  async function match(userOverrides = {}) {
    const manager = await makeStaff(app, 'manager')
    const user = await makeUser(app, userOverrides)
    const friend = await makeFriend(app)
    const res = await app.api.post('/api/v1/matches/', { user_id: user.user.id, friend_id: friend.user.id }, { token: manager.token })
    return { manager, user, friend, id: Number(res.body.data.id) }
  }

  it('shows a match to its two parties and staff only', async () => {
    const { manager, user, friend, id } = await match()
    const stranger = await makeUser(app)
    for (const reader of [user, friend, manager])
      expect((await app.api.get(`/api/v1/matches/${id}/`, { token: reader.token })).status).toBe(200)
    const hidden = await app.api.get(`/api/v1/matches/${id}/`, { token: stranger.token })
    expect(hidden.status).toBe(404)
    expect(hidden.body).toEqual({ success: false, detail: 'Match not found.', message: 'Match not found.' })
    expect((await app.api.get('/api/v1/matches/', { token: stranger.token })).body.data.results).toEqual([])
  })

  it('lets only the matched user accept or decline, once; filters by status and score', async () => {
    const { user, friend, id } = await match(personality(['a']))
    const byFriend = await app.api.patch(`/api/v1/matches/${id}/`, { status: 'accepted' }, { token: friend.token })
    expect(byFriend.status).toBe(403)
    expect(byFriend.body).toEqual(humanlinkError())
    const invalid = await app.api.patch(`/api/v1/matches/${id}/`, { status: 'pending' }, { token: user.token })
    expect(invalid.body).toEqual(humanlinkError({ status: ['Answer accepted or declined.'] }))
    const accepted = await app.api.patch(`/api/v1/matches/${id}/`, { status: 'accepted' }, { token: user.token })
    expect(accepted.status).toBe(200)
    expect(accepted.body).toMatchObject({
      success: true,
      message: 'Match accepted',
      data: { id, status: 'accepted', responded_at: expect.any(String) },
    })
    const again = await app.api.patch(`/api/v1/matches/${id}/`, { status: 'declined' }, { token: user.token })
    expect(again.status).toBe(409)
    expect(again.body).toEqual(humanlinkError())
    const list = (query: string) => app.api.get(`/api/v1/matches/?${query}`, { token: user.token })
    expect((await list('status=accepted')).body.data.results.map((m) => Number(m.id))).toEqual([id])
    expect((await list('status=pending')).body.data.results).toEqual([])
    expect((await list('compatibility_score_min=101')).status).toBe(400)
    const score = Number(accepted.body.data.compatibility_score)
    expect((await list(`compatibility_score_min=${score + 1}`)).body.data.results).toEqual([])
    expect((await list(`compatibility_score_min=${score}`)).body.data.results).toHaveLength(1)
  })

  it('lets staff delete a match (members 403)', async () => {
    const { manager, user, id } = await match()
    const denied = await app.api.delete(`/api/v1/matches/${id}/`, { token: user.token })
    expect(denied.status).toBe(403)
    const res = await app.api.delete(`/api/v1/matches/${id}/`, { token: manager.token })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ success: true, data: null, message: 'Match removed' })
    expect((await app.api.get(`/api/v1/matches/${id}/`, { token: manager.token })).status).toBe(404)
  })
})

describe('GET /api/v1/matches/suggestions (staff)', () => {
  it('ranks friends for a user by compatibility score', async () => {
    const admin = await makeStaff(app, 'admin')
    const tag = `rare-${Date.now()}`
    const user = await makeUser(app, personality([tag, 'poetry'], 'calm', ['mornings']))
    const best = await makeFriend(app, { user: personality([tag, 'poetry'], 'calm', ['mornings']) })
    const good = await makeFriend(app, { user: personality([tag], 'calm', ['mornings']) })
    const res = await app.api.get(`/api/v1/matches/suggestions/?user_id=${user.user.id}&limit=2`, { token: admin.token })
    expect(res.status).toBe(200)
    expect(res.body.data.results.map((row) => [Number(row.friend.id), Number(row.compatibility_score)])).toEqual([
      [best.user.id, 100],
      [good.user.id, 75],
    ])
    const denied = await app.api.get(`/api/v1/matches/suggestions/?user_id=${user.user.id}`, { token: user.token })
    expect(denied.status).toBe(403)
  })
})
