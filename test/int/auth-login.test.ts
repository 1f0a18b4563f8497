import { poolOf } from '../../src/lib/db/pool.ts'
import { startTestApp, type TestApp } from '../helpers/app.ts'
import { TEST_PASSWORD, makeUser, storeLegacyPayloadHash, unique } from '../helpers/factories.ts'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.stop())

const PASSWORD = 'securepassword123'
const register = async (body: Record<string, unknown>) => {
  const res = await app.api.post('/api/v1/auth/register', { password: PASSWORD, ...body })
  expect(res.status).toBe(201)
  return res.body
}
const storedHash = async (userId: number) =>
  (await poolOf(app.payload).query('SELECT hash, salt FROM users WHERE id = $1', [userId])).rows[0]

describe('POST /api/v1/auth/login', () => {
  let username: string
  let email: string
  let phone: string
  beforeAll(async () => {
    username = `login${unique()}`
    email = `${username}@example.com`
    phone = `+1202555${String(Math.floor(1000 + Math.random() * 8999))}`
    await register({ username, email, phone, first_name: 'Ada' })
  })

  it.each([
    ['identifier (email, spec 000)', () => ({ identifier: email })],
    ['identifier (username, spec 000)', () => ({ identifier: username.toUpperCase() })],
    ['identifier (phone, spec 000)', () => ({ identifier: phone.replace('+1', '+1 ') })],
    ['email (specs 001, 002, 004)', () => ({ email: email.toUpperCase() })],
    ['username (spec 003)', () => ({ username })],
    ['phone', () => ({ phone })],
  ])('signs in with %s and answers like register', async (_label, identifier) => {
    const res = await app.api.post('/api/v1/auth/login/', { ...identifier(), password: PASSWORD })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      message: 'Login successful',
      user: { username, email, phone, first_name: 'Ada', role: 'user' },
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      token_type: 'bearer',
      success: true,
      data: { user: { email }, access: expect.any(String), refresh: expect.any(String) },
    })
  })

  it('answers an unknown account and a wrong password identically', async () => {
    const wrong = await app.api.post('/api/v1/auth/login', { email, password: 'not-the-password' })
    const unknown = await app.api.post('/api/v1/auth/login', { email: `nobody-${unique()}@example.com`, password: 'not-the-password' })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(wrong.body).toEqual({ detail: 'Invalid credentials' })
    expect(unknown.body).toEqual(wrong.body)
  })

  it('needs an identifier and a password', async () => {
    const res = await app.api.post('/api/v1/auth/login', { password: 'something' })
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual({ identifier: ['Provide an email, username or phone number.'] })
    const blank = await app.api.post('/api/v1/auth/login', { email, password: '' })
    expect(blank.body.errors).toEqual({ password: ['This field may not be blank.'] })
  })

  it('refuses an inactive account with 403, only once the password is right', async () => {
    const { email: inactive } = await makeUser(app, { is_active: false })
    expect((await app.api.post('/api/v1/auth/login', { email: inactive, password: 'wrong-password-1' })).status).toBe(401)
    const res = await app.api.post('/api/v1/auth/login', { email: inactive, password: TEST_PASSWORD })
    expect(res.status).toBe(403)
    expect(res.body).toEqual({ detail: 'This account is inactive.' })
  })

  it('signs one account in from 12 places at once without conflicts', async () => {
    const { email: shared } = await makeUser(app)
    const results = await Promise.all(
      Array.from({ length: 12 }, () => app.api.post('/api/v1/auth/login', { email: shared, password: TEST_PASSWORD })),
    )
    expect(results.map((res) => res.status)).toEqual(Array(12).fill(200))
    expect(new Set(results.map((res) => String(res.body.refresh_token))).size).toBe(12)
  })

  it('records the sign-in time', async () => {
    const { user, email: address } = await makeUser(app)
    await app.api.post('/api/v1/auth/login', { email: address, password: TEST_PASSWORD })
    const after = await app.payload.findByID({ collection: 'users', id: user.id, overrideAccess: true })
    expect(new Date(String(after.last_login_at)).getTime()).toBeGreaterThan(Date.now() - 10_000)
  })

  it('throttles brute force: 20 wrong passwords get 429 with Retry-After, and then even the right one waits', async () => {
    const { email: victim } = await makeUser(app)
    const statuses: number[] = []
    let retryAfter: string | null = null
    for (let attempt = 0; attempt < 20; attempt++) {
      const res = await app.api.post('/api/v1/auth/login', { email: victim, password: `guess-${attempt}-xyz` })
      statuses.push(res.status)
      if (res.status === 429) {
        retryAfter = res.headers.get('retry-after')
        expect(res.body).toEqual({ detail: expect.stringMatching(/Too many/) })
      }
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401))
    expect(statuses.slice(10)).toEqual(Array(10).fill(429))
    expect(Number(retryAfter)).toBeGreaterThan(0)
    expect((await app.api.post('/api/v1/auth/login', { email: victim, password: TEST_PASSWORD })).status).toBe(429)
  })
})

describe('passwords stored by Payload (PBKDF2)', () => {
  it('are verified at /api/v1/auth/login, upgraded to argon2id, and /admin sign-in keeps working', async () => {
    const { user, email } = await makeUser(app, { roles: ['admin'] })
    await storeLegacyPayloadHash(app, user.id, TEST_PASSWORD)
    expect((await storedHash(user.id)).hash).toMatch(/^pbkdf2-sha256-v1:/)
    const login = await app.api.post('/api/v1/auth/login', { email, password: TEST_PASSWORD })
    expect(login.status).toBe(200)
    expect(await storedHash(user.id)).toEqual({ hash: expect.stringMatching(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/), salt: null })
    // The admin panel's login form posts here.
    const admin = await app.api.post('/api/users/login', { email, password: TEST_PASSWORD })
    expect(admin.status).toBe(200)
    expect(admin.body).toMatchObject({
      message: 'Authentication Passed',
      user: { id: user.id, email },
      token: expect.any(String),
      exp: expect.any(Number),
    })
    const cookie = admin.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^payload-token=[^;]+; Path=\/; HttpOnly; Expires=.+; SameSite=Lax$/)
    // What the browser sends with the admin's requests: the cookie, from the same origin.
    const me = await app.api.get('/api/users/me', { headers: { cookie: cookie.split(';')[0], 'sec-fetch-site': 'same-origin' } })
    expect(me.body.user).toMatchObject({ id: user.id, email })
  })

  it('keeps every session of concurrent admin sign-ins of one account', async () => {
    const { email, user } = await makeUser(app, { roles: ['admin'] })
    const results = await Promise.all(Array.from({ length: 8 }, () => app.api.post('/api/users/login', { email, password: TEST_PASSWORD })))
    expect(results.map((res) => res.status)).toEqual(Array(8).fill(200))
    const stored = await app.payload.findByID({ collection: 'users', id: user.id, overrideAccess: true, showHiddenFields: true })
    expect(stored.sessions).toHaveLength(8)
  })

  it('the admin login form refuses a wrong password and counts it as a failure', async () => {
    const { email } = await makeUser(app)
    const res = await app.api.post('/api/users/login', { email, password: 'wrong-password-9' })
    expect(res.status).toBe(401)
    expect(res.body).toEqual({ errors: [{ message: 'Invalid credentials' }] })
  })

  it("closes Payload's own login operation (GraphQL loginUser), which would bypass these checks", async () => {
    const { email } = await makeUser(app)
    const res = await app.api.post('/api/graphql', {
      query: `mutation { loginUser(email: "${email}", username: "${email}", password: "${TEST_PASSWORD}") { token } }`,
    })
    expect(res.body.data?.loginUser ?? null).toBeNull()
    expect(res.body.errors[0].message).toMatch(/^Cannot query field "loginUser" on type "Mutation"/)
    await expect(app.payload.login({ collection: 'users', data: { email, password: TEST_PASSWORD } })).rejects.toThrow(/not allowed/)
  })
})

describe('POST /api/v1/facilitators/login (spec 004)', () => {
  it('signs in a facilitator', async () => {
    const { email, user } = await makeUser(app, { roles: ['facilitator'] })
    const res = await app.api.post('/api/v1/facilitators/login/', { email, password: TEST_PASSWORD })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      message: 'Login successful',
      user: { id: user.id, role: 'facilitator' },
      access_token: expect.any(String),
    })
  })

  it('refuses other accounts with 403 (and the spec 004 error key)', async () => {
    const { email } = await makeUser(app)
    const res = await app.api.post('/api/v1/facilitators/login', { email, password: TEST_PASSWORD })
    expect(res.status).toBe(403)
    expect(res.body).toEqual({ detail: 'This account is not a facilitator account.', error: 'This account is not a facilitator account.' })
  })
})
