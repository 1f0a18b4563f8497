import { hashToken } from '../../src/domain/auth/tokenHash.ts'
import { poolOf } from '../../src/lib/db/pool.ts'
import { startTestApp, type TestApp } from '../helpers/app.ts'
import { TEST_PASSWORD, makeUser } from '../helpers/factories.ts'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.stop())

const login = async (email: string, userAgent = 'test-agent') => {
  const res = await app.api.post('/api/v1/auth/login', { email, password: TEST_PASSWORD }, { headers: { 'user-agent': userAgent } })
  expect(res.status).toBe(200)
  return { access: String(res.body.access_token), refresh: String(res.body.refresh_token) }
}
const refresh = (token: string, key: 'refresh_token' | 'refresh' = 'refresh_token') =>
  app.api.post('/api/v1/auth/refresh', { [key]: token })
/** Moves a rotated token's rotation into the past, as if `seconds` had passed since. */
const age = (token: string, seconds: number) =>
  poolOf(app.payload).query(`UPDATE refresh_tokens SET revoked_at = revoked_at - make_interval(secs => $2) WHERE token_hash = $1`, [
    hashToken(token),
    seconds,
  ])
const familyOf = async (token: string) =>
  (await poolOf(app.payload).query('SELECT family FROM refresh_tokens WHERE token_hash = $1', [hashToken(token)])).rows[0].family as string
const familyRows = async (family: string) =>
  (await poolOf(app.payload).query('SELECT revoked_at, revoked_reason FROM refresh_tokens WHERE family = $1 ORDER BY id', [family])).rows

describe('POST /api/v1/auth/refresh', () => {
  it("rotates: a new access and refresh token, in every spec's keys", async () => {
    const { email } = await makeUser(app)
    const first = await login(email)
    const res = await refresh(first.refresh)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      token_type: 'bearer',
      expires_in: expect.any(Number),
      access: res.body.access_token,
      refresh: res.body.refresh_token,
    })
    expect(res.body.refresh_token).not.toBe(first.refresh)
    expect((await app.api.get('/api/v1/auth/me', { token: String(res.body.access_token) })).status).toBe(200)
  })

  it('accepts spec 001/002 `refresh` and the trailing slash', async () => {
    const { email } = await makeUser(app)
    const res = await app.api.post('/api/v1/auth/refresh/', { refresh: (await login(email)).refresh })
    expect(res.status).toBe(200)
  })

  it("is also served at spec 002's /api/token/refresh/", async () => {
    const { email } = await makeUser(app)
    const res = await app.api.post('/api/token/refresh/', { refresh: (await login(email)).refresh })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ refresh: expect.any(String), access: expect.any(String) })
  })

  it('refuses unknown tokens and missing ones with 401', async () => {
    expect(await refresh('not-a-token')).toMatchObject({ status: 401, body: { detail: 'Token is invalid or expired' } })
    expect(await app.api.post('/api/v1/auth/refresh', {})).toMatchObject({ status: 401, body: { detail: 'Refresh token not provided.' } })
  })

  it('detects reuse: a rotated token presented after the grace window gets 401 and revokes the whole family', async () => {
    const { email } = await makeUser(app)
    const first = await login(email)
    const rotated = await refresh(first.refresh)
    const family = await familyOf(first.refresh)
    await age(first.refresh, 11)
    const replay = await refresh(first.refresh)
    expect(replay.status).toBe(401)
    expect(replay.body).toEqual({ detail: 'Token is invalid or expired' })
    expect((await familyRows(family)).map((row) => row.revoked_reason)).toEqual(['rotated', 'reuse_detected'])
    // The legitimate holder's newer tokens die with the family.
    expect((await refresh(String(rotated.body.refresh_token))).status).toBe(401)
    expect((await app.api.get('/api/v1/auth/me', { token: String(rotated.body.access_token) })).status).toBe(401)
  })

  it('lets 10 concurrent refreshes of one token through inside the grace window, revoking nothing', async () => {
    const { email } = await makeUser(app)
    const { refresh: token } = await login(email)
    const family = await familyOf(token)
    const results = await Promise.all(Array.from({ length: 10 }, () => refresh(token)))
    expect(results.map((res) => res.status)).toEqual(Array(10).fill(200))
    const issued = new Set(results.map((res) => String(res.body.refresh_token)))
    expect(issued.size).toBe(10)
    const rows = await familyRows(family)
    expect(rows.filter((row) => row.revoked_reason === 'reuse_detected')).toEqual([])
    expect(rows.filter((row) => row.revoked_at === null)).toHaveLength(10)
    // Every tab's new token works.
    expect((await refresh([...issued][9])).status).toBe(200)
  })

  it('refuses the same token after the grace window, revoking its family', async () => {
    const { email } = await makeUser(app)
    const { refresh: token } = await login(email)
    expect((await refresh(token)).status).toBe(200)
    await age(token, 10.5)
    expect((await refresh(token)).status).toBe(401)
    expect((await familyRows(await familyOf(token))).every((row) => row.revoked_at !== null)).toBe(true)
  })

  it("caps a family's lifetime: tokens of a family older than the cap no longer refresh", async () => {
    const { email } = await makeUser(app)
    const { refresh: token } = await login(email)
    await poolOf(app.payload).query(`UPDATE refresh_tokens SET family_expires_at = now() - interval '1 second' WHERE token_hash = $1`, [
      hashToken(token),
    ])
    expect((await refresh(token)).status).toBe(401)
  })
})

describe('POST /api/v1/auth/logout', () => {
  it("revokes the refresh token's session: refresh and access tokens stop working", async () => {
    const { email } = await makeUser(app)
    const tokens = await login(email)
    const res = await app.api.post('/api/v1/auth/logout/', { refresh_token: tokens.refresh }, { token: tokens.access })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ detail: 'Logged out successfully' })
    expect((await refresh(tokens.refresh)).status).toBe(401)
    expect((await app.api.get('/api/v1/auth/me', { token: tokens.access })).status).toBe(401)
  })

  it('works with the access token alone', async () => {
    const { email } = await makeUser(app)
    const tokens = await login(email)
    expect((await app.api.post('/api/v1/auth/logout', {}, { token: tokens.access })).status).toBe(200)
    expect((await refresh(tokens.refresh)).status).toBe(401)
  })

  it('answers 401 when there is nothing to sign out of', async () => {
    expect((await app.api.post('/api/v1/auth/logout', {})).status).toBe(401)
  })
})

describe('sessions', () => {
  it("lists the caller's active sessions with device, ip and last use, marking the current one", async () => {
    const { email } = await makeUser(app)
    const phone = await login(
      email,
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1',
    )
    await login(email, 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 Chrome/120.0 Safari/537.36')
    const res = await app.api.get('/api/v1/auth/sessions/', { token: phone.access })
    expect(res.status).toBe(200)
    // The factory's own sign-in is the third session.
    expect(res.body.sessions).toHaveLength(3)
    expect(res.body.sessions.map((session) => session.device).sort()).toEqual(['Chrome on macOS', 'Safari on iOS', 'Unknown device'])
    expect(res.body.sessions.find((session) => String(session.current) === 'true')?.device).toBe('Safari on iOS')
    expect(res.body.sessions[0]).toMatchObject({
      id: expect.any(String),
      ip: expect.any(String),
      last_used_at: expect.any(String),
      created_at: expect.any(String),
      expires_at: expect.any(String),
    })
  })

  it("revokes one session by id; another user's session id is 404", async () => {
    const { email } = await makeUser(app)
    const a = await login(email)
    const b = await login(email)
    const sessionB = await familyOf(b.refresh)
    const other = await makeUser(app)
    expect((await app.api.delete(`/api/v1/auth/sessions/${sessionB}`, { token: other.token })).status).toBe(404)
    const res = await app.api.delete(`/api/v1/auth/sessions/${sessionB}/`, { token: a.access })
    expect(res.status).toBe(200)
    expect((await refresh(b.refresh)).status).toBe(401)
    expect((await refresh(a.refresh)).status).toBe(200)
  })

  it("logout-all ends every other session and keeps the caller's", async () => {
    const { email } = await makeUser(app)
    const keep = await login(email)
    const others = [await login(email), await login(email)]
    const res = await app.api.post('/api/v1/auth/logout-all', {}, { token: keep.access })
    expect(res.body).toEqual({ detail: 'Signed out of 3 other sessions.' }) // two here, one from the factory
    for (const session of others) expect((await refresh(session.refresh)).status).toBe(401)
    expect((await app.api.get('/api/v1/auth/me', { token: keep.access })).status).toBe(200)
  })
})

describe('access tokens', () => {
  it('carry sub, roles, type, session and audience claims and expire after ACCESS_TOKEN_TTL', async () => {
    const { email, user } = await makeUser(app)
    const { access } = await login(email)
    const claims = JSON.parse(Buffer.from(access.split('.')[1], 'base64url').toString())
    expect(claims).toMatchObject({
      sub: String(user.id),
      roles: ['user'],
      type: 'access',
      aud: 'platform-api',
      iss: 'platform',
      sid: expect.any(String),
    })
    expect(claims.exp - claims.iat).toBe(15 * 60)
  })

  it('are refused when tampered with or signed with another secret', async () => {
    const { email } = await makeUser(app)
    const { access } = await login(email)
    const [header, body] = access.split('.')
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), roles: ['admin'] })).toString('base64url')}.${access.split('.')[2]}`
    const res = await app.api.get('/api/v1/auth/me', { token: forged })
    expect(res.status).toBe(401)
    expect(res.body).toEqual({ detail: 'Token is invalid or expired' })
  })

  it('work on Payload REST and GraphQL with the same access rules', async () => {
    const { email, user } = await makeUser(app)
    const { access } = await login(email)
    const rest = await app.api.get('/api/users/me', { token: access })
    expect(rest.body.user).toMatchObject({ id: user.id, email })
    const others = await app.api.get('/api/users', { token: access })
    expect(others.body.docs.map((doc) => doc.id)).toEqual([user.id])
    const graphql = await app.api.post(
      '/api/graphql',
      { query: '{ meUser { user { id email } } Users { docs { id } } }' },
      { token: access },
    )
    expect(graphql.body.data).toEqual({ meUser: { user: { id: user.id, email } }, Users: { docs: [{ id: user.id }] } })
  })

  it('stop working when the account is deactivated', async () => {
    const { email, user } = await makeUser(app)
    const { access } = await login(email)
    await app.payload.update({ collection: 'users', id: user.id, data: { is_active: false }, overrideAccess: true })
    expect((await app.api.get('/api/v1/auth/me', { token: access })).status).toBe(401)
  })
})
