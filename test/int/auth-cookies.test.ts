import { startTestApp, type TestApp } from '../helpers/app.ts'
import { cookieJar } from '../helpers/cookieJar.ts'
import { TEST_PASSWORD, makeUser } from '../helpers/factories.ts'

let app: TestApp
const TRUSTED = 'https://app.example.com'
beforeAll(async () => {
  app = await startTestApp({ env: { CORS_ORIGINS: TRUSTED } })
})
afterAll(() => app.stop())

/** A browser on the trusted web app that fetched a CSRF token and signed in with cookies (spec 002). */
async function signedInBrowser() {
  const { email, user } = await makeUser(app)
  const browser = cookieJar(app.api, TRUSTED)
  const csrf = await browser.get('/api/v1/auth/csrf/')
  const token = String(csrf.body.csrfToken)
  const login = await browser.post('/api/v1/auth/jwt/create/', { email, password: TEST_PASSWORD }, { headers: { 'x-csrftoken': token } })
  return { browser, token, login, email, user }
}

describe('cookie mode (spec 002)', () => {
  it('GET auth/csrf/ returns the token and sets it as a cookie scripts can read', async () => {
    const browser = cookieJar(app.api)
    const res = await browser.get('/api/v1/auth/csrf/')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ csrfToken: expect.stringMatching(/^[\w-]{43}$/) })
    const cookie = browser.rawSetCookies(res).find((line) => line.startsWith('csrftoken='))
    expect(cookie).toContain(`csrftoken=${res.body.csrfToken}`)
    expect(cookie).not.toMatch(/HttpOnly/i)
  })

  it('jwt/create/ sets HttpOnly access and refresh cookies and returns only {detail, email, user_id}', async () => {
    const { browser, login, email, user } = await signedInBrowser()
    expect(login.status).toBe(200)
    expect(login.body).toEqual({ detail: 'Login successful', email, user_id: user.id })
    const cookies = browser.rawSetCookies(login)
    expect(cookies.find((line) => line.startsWith('access_token='))).toMatch(/HttpOnly; SameSite=Lax/)
    expect(cookies.find((line) => line.startsWith('refresh_token='))).toMatch(/Path=\/api; .*HttpOnly; SameSite=Lax/)
    const me = await browser.get('/api/v1/auth/me')
    expect(me.status).toBe(200)
    expect(me.body).toMatchObject({ id: user.id, email })
  })

  it('refuses jwt/create/ without the X-CSRFToken header (login CSRF)', async () => {
    const { email } = await makeUser(app)
    const browser = cookieJar(app.api, TRUSTED)
    await browser.get('/api/v1/auth/csrf/')
    const res = await browser.post('/api/v1/auth/jwt/create/', { email, password: TEST_PASSWORD })
    expect(res.status).toBe(403)
    expect(res.body).toEqual({ detail: 'CSRF Failed: CSRF token missing.' })
  })

  it('refuses a cookie-authenticated write without the CSRF header, with a wrong one, or from a foreign Origin', async () => {
    const { browser, token } = await signedInBrowser()
    const missing = await browser.patch('/api/v1/users/me/', { first_name: 'Mallory' })
    expect(missing.status).toBe(403)
    expect(missing.body).toMatchObject({ detail: 'CSRF Failed: CSRF token missing.', success: false })
    const wrong = await browser.patch(
      '/api/v1/users/me/',
      { first_name: 'Mallory' },
      { headers: { 'x-csrftoken': `${token.slice(0, -1)}x` } },
    )
    expect(wrong.body.detail).toBe('CSRF Failed: CSRF token incorrect.')
    const foreign = await browser.patch(
      '/api/v1/users/me/',
      { first_name: 'Mallory' },
      { headers: { 'x-csrftoken': token, origin: 'https://evil.example.net' } },
    )
    expect(foreign.status).toBe(403)
    expect(foreign.body.detail).toBe('CSRF Failed: Origin checking failed - https://evil.example.net does not match any trusted origins.')
    const allowed = await browser.patch('/api/v1/users/me/', { first_name: 'Alice' }, { headers: { 'x-csrftoken': token } })
    expect(allowed.status).toBe(200)
    expect(allowed.body.data.first_name).toBe('Alice')
  })

  it('lets reads through without CSRF (they change nothing)', async () => {
    const { browser } = await signedInBrowser()
    expect((await browser.get('/api/v1/users/me/')).status).toBe(200)
  })

  it('jwt/refresh/ rotates the refresh cookie; an invalid one is cleared with 401', async () => {
    const { browser, token } = await signedInBrowser()
    const before = browser.cookies.get('refresh_token')
    const res = await browser.post('/api/v1/auth/jwt/refresh/', {}, { headers: { 'x-csrftoken': token } })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ detail: 'Token refreshed' })
    expect(browser.cookies.get('refresh_token')).not.toBe(before)
    browser.cookies.set('refresh_token', 'garbage')
    const bad = await browser.post('/api/v1/auth/jwt/refresh/', {}, { headers: { 'x-csrftoken': token } })
    expect(bad.status).toBe(401)
    expect(browser.cookies.has('refresh_token')).toBe(false)
    expect(browser.cookies.has('access_token')).toBe(false)
  })

  it('logout revokes the session and clears both cookies', async () => {
    const { browser, token } = await signedInBrowser()
    const refresh = browser.cookies.get('refresh_token') ?? ''
    const res = await browser.post('/api/v1/auth/logout/', {}, { headers: { 'x-csrftoken': token } })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ detail: 'Logged out successfully' })
    expect(browser.cookies.has('access_token')).toBe(false)
    expect((await app.api.post('/api/v1/auth/refresh', { refresh })).status).toBe(401)
  })

  it("accepts spec 002's access_token header too (no cookies, no CSRF needed)", async () => {
    const { token, user } = await makeUser(app)
    const res = await app.api.patch('/api/v1/users/me', { first_name: 'Header' }, { headers: { access_token: token } })
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject({ id: user.id, first_name: 'Header' })
  })
})
