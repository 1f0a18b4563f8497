import { startTestApp, type TestApp } from '../helpers/app.ts'
import { makeUser, unique } from '../helpers/factories.ts'
import { startFakeProviders, type FakeProviders } from '../helpers/fakeOAuth.ts'

let app: TestApp
let providers: FakeProviders
beforeAll(async () => {
  providers = await startFakeProviders()
  app = await startTestApp({ env: providers.env })
})
afterAll(async () => {
  await app.stop()
  await providers.close()
})

describe('Google sign-in (POST /api/v1/auth/google-login, spec 004; /auth/oauth/login/, spec 002)', () => {
  it('creates a verified account from a valid ID token, then signs the same account in again', async () => {
    const email = `g-${unique()}@gmail.com`
    const token = await providers.googleToken({
      sub: `google-${unique()}`,
      email,
      given_name: 'Grace',
      family_name: 'Hopper',
      name: 'Grace Hopper',
    })
    const first = await app.api.post('/api/v1/auth/google-login', { token })
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({
      message: 'Login successful',
      created: true,
      user: {
        email,
        first_name: 'Grace',
        last_name: 'Hopper',
        full_name: 'Grace Hopper',
        is_verified: true,
        role: 'user',
        user_phone: '',
        title: '',
      },
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      access: expect.any(String),
    })
    const again = await app.api.post('/api/v1/auth/oauth/login/', { provider: 'google', token })
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ created: false, user: { id: first.body.user.id } })
  })

  it('links an existing account by verified email', async () => {
    const { user, email } = await makeUser(app)
    const token = await providers.googleToken({ sub: `google-${unique()}`, email })
    const res = await app.api.post('/api/v1/auth/oauth/login', { provider: 'google', token })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ created: false, user: { id: user.id, email, is_verified: true } })
  })

  it.each([
    [
      'a wrong audience',
      () => providers.googleToken({ sub: 'x1', email: 'x1@gmail.com' }, { audience: 'someone-else.apps.googleusercontent.com' }),
    ],
    ['an expired token', () => providers.googleToken({ sub: 'x2', email: 'x2@gmail.com' }, { expiresIn: '-1m' })],
    ['a token signed by another key', () => providers.googleToken({ sub: 'x3', email: 'x3@gmail.com' }, { foreignKey: true })],
    ['garbage', async () => 'not.a.jwt'],
  ])('refuses %s with 400 and creates nothing', async (_label, makeToken) => {
    const res = await app.api.post('/api/v1/auth/google-login', { token: await makeToken() })
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ detail: 'Invalid or expired Google token.', error: 'Invalid or expired Google token.' })
    const attempted = ['x1@gmail.com', 'x2@gmail.com', 'x3@gmail.com']
    expect((await app.payload.count({ collection: 'users', where: { email: { in: attempted } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('never links by an unverified email', async () => {
    const { email } = await makeUser(app)
    const token = await providers.googleToken({ sub: `google-${unique()}`, email, email_verified: false })
    const res = await app.api.post('/api/v1/auth/oauth/login', { provider: 'google', token })
    expect(res.status).toBe(400)
    expect(res.body.detail).toBe('Your google account has no verified email address.')
  })

  it('refuses an inactive account with 403', async () => {
    const { email } = await makeUser(app, { is_active: false })
    const res = await app.api.post('/api/v1/auth/google-login', {
      token: await providers.googleToken({ sub: `google-${unique()}`, email }),
    })
    expect(res.status).toBe(403)
  })

  it('validates the request', async () => {
    const res = await app.api.post('/api/v1/auth/oauth/login', { provider: 'myspace', token: '' })
    expect(res.status).toBe(400)
    expect(Object.keys(res.body.errors).sort()).toEqual(['provider', 'token'])
  })
})

describe('GitHub sign-in (POST /api/v1/auth/oauth/login/, spec 002)', () => {
  it('exchanges an authorization code, reads the primary verified email and signs in', async () => {
    const login = `octo${unique()}`
    providers.githubAccount({
      code: `code-${login}`,
      token: `gho_${login}`,
      id: Math.floor(Math.random() * 1e9),
      login,
      name: 'Octo Cat',
      emails: [
        { email: `${login}@users.noreply.github.com`, primary: false, verified: true },
        { email: `${login}@example.com`, primary: true, verified: true },
      ],
    })
    const res = await app.api.post('/api/v1/auth/oauth/login/', { provider: 'github', token: `code-${login}` })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ created: true, user: { email: `${login}@example.com`, first_name: 'Octo', last_name: 'Cat' } })
    const withToken = await app.api.post('/api/v1/auth/oauth/login', { provider: 'github', token: `gho_${login}` })
    expect(withToken.body).toMatchObject({ created: false, user: { id: res.body.user.id } })
  })

  it('refuses an unknown code and an account without a verified email', async () => {
    expect((await app.api.post('/api/v1/auth/oauth/login', { provider: 'github', token: 'code-nobody' })).status).toBe(400)
    const login = `unverified${unique()}`
    providers.githubAccount({
      code: `code-${login}`,
      token: `gho_${login}`,
      id: 77,
      login,
      name: 'U',
      emails: [{ email: `${login}@example.com`, primary: true, verified: false }],
    })
    const res = await app.api.post('/api/v1/auth/oauth/login', { provider: 'github', token: `gho_${login}` })
    expect(res.status).toBe(400)
    expect(res.body.detail).toBe('Your github account has no verified email address.')
  })
})
