import { randomUUID } from 'node:crypto'
import type { TestApp } from '../helpers/app.ts'
import { sqlRows } from '../helpers/db.ts'
import { TEST_PASSWORD, makeUser, unique } from '../helpers/factories.ts'
import { captureLogs, type LogLine } from '../helpers/logCapture.ts'
import { startMailApp } from '../helpers/mailApp.ts'
import { recipients, type SmtpCapture } from '../helpers/smtpCapture.ts'

const ARGON2ID = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/
const ID_MESSAGE = 'The id in the path must be a whole number from 1 to 2147483647.'

let app: TestApp
let smtp: SmtpCapture
let stop: () => Promise<void>
let logs: { lines: LogLine[]; stop(): void }
beforeAll(async () => {
  // TRUST_PROXY: each test sends from its own X-Forwarded-For address, so per-IP budgets do not mix.
  ;({ app, smtp, stop } = await startMailApp({
    PUBLIC_URL: 'https://app.platform.test',
    LOG_LEVEL: 'info',
    TRUST_PROXY: 'true',
    RATE_LIMIT_PASSWORD_RESETS_PER_HOUR: '3',
  }))
  logs = await captureLogs()
})
afterAll(async () => {
  logs.stop()
  await stop()
})

const from = (ip: string) => ({ 'x-forwarded-for': ip })
const resetLink = (text: string | undefined) => /https:\/\/app\.platform\.test\/admin\/reset\/([\w-]+)/.exec(text ?? '')?.[1] ?? ''
const resetEmailTo = (address: string) =>
  smtp.waitFor((mail) => recipients(mail).includes(address) && mail.subject === 'Reset your password')

/** The request's own log lines (by X-Request-Id), once its access line is written. */
async function logOf(requestId: string): Promise<LogLine[]> {
  const { waitUntil } = await import('../helpers/wait.ts')
  await waitUntil(() => logs.lines.some((line) => line.reqId === requestId && typeof line.res === 'object'))
  return logs.lines.filter((line) => line.reqId === requestId)
}

describe('the answers issue 17 found wrong', () => {
  it.each(['/api/events/abc', '/api/events/1.5', '/api/events/99999999999999999999', '/api/event-types/abc'])(
    'GET %s answers 400 (not 500) in Payload error shape',
    async (path) => {
      const res = await app.api.get(path)
      expect(res.status).toBe(400)
      expect(res.body).toEqual({
        errors: [{ name: 'ValidationError', message: ID_MESSAGE, data: { errors: [{ path: 'id', message: ID_MESSAGE }] } }],
      })
    },
  )

  it('GraphQL verifyEmailUser is closed (a 4xx-class error, never statusCode 500); REST verify runs our single-use check', async () => {
    const res = await app.api.post('/api/graphql', { query: 'mutation { verifyEmailUser(token: "abc") }' })
    expect(res.status).toBeLessThan(500)
    expect(res.body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Cannot query field "verifyEmailUser"/) })])
    const rest = await app.api.post('/api/users/verify/abc', {})
    expect(rest.status).toBe(400)
    expect(rest.body).toEqual({ errors: [{ message: 'This verification link is invalid or has expired.' }] })
  })

  it('GET /api/events?where[foo][equals]=1 answers 400 and its log carries no level-50 line', async () => {
    const requestId = `where-${randomUUID()}`
    const res = await app.api.get('/api/events?where[foo][equals]=1', { headers: { 'x-request-id': requestId } })
    expect(res.status).toBe(400)
    expect(res.body).toEqual({
      errors: [{ name: 'QueryError', data: [{ path: 'foo' }], message: 'The following path cannot be queried: foo' }],
    })
    const lines = await logOf(requestId)
    expect(lines.filter((line) => line.level >= 50)).toEqual([])
    expect(lines).toContainEqual(expect.objectContaining({ level: 40, msg: 'GET /api/events?where[foo][equals]=1 400' }))
  })

  it.each([
    ['page', '/api/events?page=abc', 'Enter a whole number from 1 to 2147483647.'],
    ['limit', '/api/events?limit=abc', 'Enter a whole number from 0 to 2147483647.'],
  ])('?%s=abc answers 400 instead of echoing it back', async (name, path, message) => {
    const res = await app.api.get(path)
    expect(res.status).toBe(400)
    expect(res.body).toEqual({
      errors: [{ name: 'ValidationError', message: `Invalid query parameter: ${name}.`, data: { errors: [{ path: name, message }] } }],
    })
  })

  it('GraphQL client errors carry their 4xx status and are not logged at level 50', async () => {
    const requestId = `graphql-${randomUUID()}`
    const res = await app.api.post(
      '/api/graphql',
      { query: '{ Event(id: 2147483647) { id } Events(page: -1, limit: -1) { docs { id } } }' },
      { headers: { 'x-request-id': requestId } },
    )
    const statuses = (res.body.errors as unknown as { extensions: { statusCode: number } }[]).map((error) => error.extensions.statusCode)
    expect(statuses.length).toBeGreaterThan(0)
    expect(statuses.every((status) => status >= 400 && status < 500)).toBe(true)
    expect((await logOf(requestId)).filter((line) => line.level >= 50)).toEqual([])
  })
})

describe("Payload's forgot-password and reset-password: the same reset as /api/v1's", () => {
  it('emails the admin reset page through the outbox; its token sets the password once and signs every session out', async () => {
    const { user, email, refresh } = await makeUser(app, { roles: ['admin'] })
    const admin = await app.api.post('/api/users/login', { email, password: TEST_PASSWORD }, { headers: from('10.1.0.1') })
    const cookie = { cookie: (admin.headers.get('set-cookie') ?? '').split(';')[0], 'sec-fetch-site': 'same-origin' }
    // The admin panel's form sends `username`, which may be the email.
    const forgot = await app.api.post('/api/users/forgot-password', { username: email }, { headers: from('10.1.0.1') })
    expect(forgot.status).toBe(200)
    expect(forgot.body).toEqual({ message: 'Success' })
    const [queued] = await sqlRows<{ topic: string }>(app, "SELECT topic FROM outbox WHERE data->>'to' = $1", [email])
    expect(queued).toEqual({ topic: 'email.send' })
    const token = resetLink((await resetEmailTo(email)).text)
    expect(token).not.toBe('')

    const reset = await app.api.post('/api/users/reset-password', { token, password: 'Admin-new-passphrase-1' })
    expect(reset.status).toBe(200)
    expect(reset.body).toEqual({ message: 'Password reset successfully.' })
    const again = await app.api.post('/api/users/reset-password', { token, password: 'Admin-other-passphrase-2' })
    expect(again.status).toBe(400)
    expect(again.body).toEqual({ errors: [{ message: 'This password reset link is invalid or has expired.' }] })

    const [stored] = await sqlRows<{ hash: string; salt: string | null }>(app, 'SELECT hash, salt FROM users WHERE id = $1', [user.id])
    expect(stored).toEqual({ hash: expect.stringMatching(ARGON2ID), salt: null })
    expect((await app.api.get('/api/users/me', { headers: cookie })).body.user).toBeNull()
    expect((await app.api.post('/api/v1/auth/refresh', { refresh_token: refresh })).status).toBe(401)
    expect((await app.api.post('/api/users/login', { email, password: TEST_PASSWORD }, { headers: from('10.1.0.1') })).status).toBe(401)
    expect((await app.api.post('/api/v1/auth/login', { email, password: 'Admin-new-passphrase-1' })).status).toBe(200)
  })

  it('is limited per IP like /api/v1 (one budget for both), with Retry-After', async () => {
    const ip = from('10.2.0.1')
    const statuses = []
    for (let i = 0; i < 3; i++) {
      statuses.push(
        (await app.api.post('/api/users/forgot-password', { email: `ghost-${i}-${unique()}@example.com` }, { headers: ip })).status,
      )
    }
    expect(statuses).toEqual([200, 200, 200])
    const limited = await app.api.post('/api/users/forgot-password', { email: `ghost-${unique()}@example.com` }, { headers: ip })
    expect(limited.status).toBe(429)
    expect(limited.body).toEqual({ errors: [{ message: 'Too many requests. Try again later.' }] })
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    const v1 = await app.api.post('/api/v1/auth/password-reset', { email: `ghost-${unique()}@example.com` }, { headers: ip })
    expect(v1.status).toBe(429)
  })

  it('is limited per account, whichever address asks, and answers unknown accounts the same without sending', async () => {
    const { email } = await makeUser(app)
    const statuses = []
    for (let i = 0; i < 4; i++)
      statuses.push((await app.api.post('/api/users/forgot-password', { email }, { headers: from(`10.3.0.${i}`) })).status)
    expect(statuses).toEqual([200, 200, 200, 429])
    const ghost = `ghost-${unique()}@example.com`
    const unknown = await app.api.post('/api/users/forgot-password', { email: ghost }, { headers: from('10.3.1.1') })
    expect(unknown.body).toEqual({ message: 'Success' })
    expect(await sqlRows(app, "SELECT id FROM outbox WHERE data->>'to' = $1", [ghost])).toEqual([])
  })

  it('holds reset-password to the password policy without spending the token', async () => {
    const { email } = await makeUser(app)
    await app.api.post('/api/users/forgot-password', { email }, { headers: from('10.4.0.1') })
    const token = resetLink((await resetEmailTo(email)).text)
    const weak = await app.api.post('/api/users/reset-password', { token, password: 'password' })
    expect(weak.status).toBe(400)
    expect(weak.body.errors[0].data.errors).toEqual([{ path: 'password', message: 'This password is too common.' }])
    expect((await app.api.post('/api/users/reset-password', { token, password: 'Strong-enough-pass-9' })).status).toBe(200)
  })

  it('closes the GraphQL forms of forgot, reset, verify and unlock, and REST unlock', async () => {
    for (const mutation of [
      'forgotPasswordUser(email: "a@b.c")',
      'resetPasswordUser(token: "x", password: "y") { token }',
      'verifyEmailUser(token: "x")',
      'unlockUser(email: "a@b.c")',
    ]) {
      const res = await app.api.post('/api/graphql', { query: `mutation { ${mutation} }` })
      expect(res.body.errors[0].message).toMatch(/^Cannot query field "\w+User" on type "Mutation"/)
    }
    const unlock = await app.api.post('/api/users/unlock', { email: 'a@b.c' })
    expect(unlock.status).toBe(403)
    expect(unlock.body).toEqual({
      errors: [{ message: 'Accounts are not locked: failed sign-ins are throttled for a while per account and address.' }],
    })
  })
})

describe('the admin session', () => {
  it('is refreshed by POST /api/users/refresh-token (a new token and cookie), which API tokens cannot use', async () => {
    const { email, token } = await makeUser(app, { roles: ['admin'] })
    const login = await app.api.post('/api/users/login', { email, password: TEST_PASSWORD }, { headers: from('10.5.0.1') })
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]
    const refreshed = await app.api.post('/api/users/refresh-token', {}, { headers: { cookie, 'sec-fetch-site': 'same-origin' } })
    expect(refreshed.status).toBe(200)
    expect(refreshed.body).toMatchObject({
      message: 'Token refresh successful.',
      refreshedToken: expect.any(String),
      exp: expect.any(Number),
    })
    expect(refreshed.headers.get('set-cookie')).toMatch(/^payload-token=[^;]+; Path=\/; HttpOnly/)
    const me = await app.api.get('/api/users/me', { headers: { authorization: `JWT ${String(refreshed.body.refreshedToken)}` } })
    expect(me.body.user).toMatchObject({ email })
    const api = await app.api.post('/api/users/refresh-token', {}, { token })
    expect(api.status).toBe(403)
    expect(api.body).toEqual({
      errors: [{ message: 'Only an admin panel session is refreshed here; API clients use POST /api/v1/auth/refresh.' }],
    })
  })
})
