import { startTestApp, type TestApp } from '../helpers/app.ts'
import { makeUser } from '../helpers/factories.ts'
import { captureLogs, type LogLine } from '../helpers/logCapture.ts'
import { waitUntil } from '../helpers/wait.ts'

let app: TestApp
let logs: { lines: LogLine[]; stop(): void }
beforeAll(async () => {
  app = await startTestApp({ env: { LOG_LEVEL: 'info', CORS_ORIGINS: 'https://app.example.com,https://admin.example.com' } })
  logs = await captureLogs()
})
afterAll(async () => {
  logs.stop()
  await app.stop()
})

describe('request logging', () => {
  it('echoes X-Request-Id and writes an access line with method, path, status and duration', async () => {
    const res = await app.api.get('/api/v1/system/health/', { headers: { 'x-request-id': 'trace-abc-123' } })
    expect(res.headers.get('x-request-id')).toBe('trace-abc-123')
    const access = logs.lines.find((line) => line.reqId === 'trace-abc-123' && line.msg === 'GET /api/v1/system/health/ 200')
    expect(access).toMatchObject({ reqId: 'trace-abc-123', res: { status: 200 }, duration_ms: expect.any(Number) })
  })

  it('generates a request id when the client sends none (or an unsafe one)', async () => {
    const res = await app.api.get('/api/v1/system/health', { headers: { 'x-request-id': 'bad id with spaces\n' } })
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('logs 4xx access lines at warn level', async () => {
    const res = await app.api.get('/api/v1/missing', { headers: { 'x-request-id': 'trace-404' } })
    expect(res.status).toBe(404)
    expect(logs.lines.find((line) => line.reqId === 'trace-404' && line.msg.endsWith(' 404'))).toMatchObject({ level: 40 })
  })

  it('redacts credentials from logs', async () => {
    await app.api.get('/api/v1/system/health', { headers: { 'x-request-id': 'trace-secret', authorization: 'Bearer super-secret-token' } })
    expect(JSON.stringify(logs.lines)).not.toContain('super-secret-token')
  })
})

describe('email without SMTP_URL (development)', () => {
  it('logs the message instead of sending it', async () => {
    const { email } = await makeUser(app)
    expect((await app.api.post('/api/v1/auth/password-reset/', { email })).status).toBe(200)
    const logged = () =>
      logs.lines.find((line) => line.msg === 'email (not sent: SMTP_URL is unset)' && JSON.stringify(line.email).includes(email))
    await waitUntil(logged)
    expect(logged()).toMatchObject({
      email: { to: email, subject: expect.stringMatching(/password/i), text: expect.stringContaining('token=') },
    })
  })
})

describe('security headers and CORS', () => {
  it('sets helmet headers and a strict CSP on the JSON API', async () => {
    const res = await app.api.get('/api/v1/system/health')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('strict-transport-security')).toContain('max-age=')
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'")
    expect(res.headers.get('x-powered-by')).toBeNull()
  })

  it('allows configured origins, with credentials', async () => {
    const res = await app.api.request('OPTIONS', '/api/v1/system/health', undefined, {
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com')
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
  })

  it('does not allow other origins', async () => {
    const res = await app.api.get('/api/v1/system/health', { headers: { origin: 'https://evil.example.net' } })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe("Payload's own interfaces on the same server", () => {
  it('serves auto REST at /api/<collection> with Payload access rules', async () => {
    const { token, user } = await makeUser(app)
    const me = await app.api.get('/api/users/me', { token })
    expect(me.status).toBe(200)
    expect(me.body.user).toMatchObject({ id: user.id, email: user.email })
    const list = await app.api.get('/api/users', { token })
    expect(list.status).toBe(200)
    expect(list.body.docs.map((doc) => doc.id)).toEqual([user.id])
  })

  it('serves GraphQL at /api/graphql', async () => {
    const { token, user } = await makeUser(app)
    const res = await app.api.post('/api/graphql', { query: '{ meUser { user { id email } } }' }, { token })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ data: { meUser: { user: { id: user.id, email: user.email } } } })
  })

  it('answers paths outside the API with 404 JSON when the admin panel is not mounted', async () => {
    const res = await app.api.get('/not-a-page')
    expect(res.status).toBe(404)
    expect(res.body).toEqual({ detail: 'Not found' })
  })
})
