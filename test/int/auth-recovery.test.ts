import { setTimeout as sleep } from 'node:timers/promises'
import type { TestApp } from '../helpers/app.ts'
import { TEST_PASSWORD, makeUser, unique } from '../helpers/factories.ts'
import { startMailApp } from '../helpers/mailApp.ts'
import { recipients, type SmtpCapture } from '../helpers/smtpCapture.ts'

let app: TestApp
let smtp: SmtpCapture
let stop: () => Promise<void>
beforeAll(async () => {
  ;({ app, smtp, stop } = await startMailApp({ PUBLIC_URL: 'https://app.platform.test' }))
})
afterAll(() => stop())

const tokenIn = (text: string | undefined) => /token=([\w-]+)/.exec(text ?? '')?.[1] ?? ''
const emailTo = (address: string, subject: string) => smtp.waitFor((mail) => recipients(mail).includes(address) && mail.subject === subject)

describe('password reset', () => {
  it('emails a single-use link; the token sets a new password once and signs out every session', async () => {
    const { email, refresh } = await makeUser(app)
    const request = await app.api.post('/api/v1/auth/password-reset/', { email })
    expect(request.status).toBe(200)
    expect(request.body).toEqual({ detail: 'If an account exists for this email, we sent a link to reset its password.' })
    const mail = await emailTo(email, 'Reset your password')
    expect(mail.text).toContain('https://app.platform.test/reset-password?token=')
    const token = tokenIn(mail.text)
    const confirm = await app.api.post('/api/v1/auth/password-reset/confirm/', { token, new_password: 'Brand-new-passphrase-7' })
    expect(confirm.status).toBe(200)
    expect((await app.api.post('/api/v1/auth/login', { email, password: 'Brand-new-passphrase-7' })).status).toBe(200)
    expect((await app.api.post('/api/v1/auth/login', { email, password: TEST_PASSWORD })).status).toBe(401)
    expect((await app.api.post('/api/v1/auth/refresh', { refresh_token: refresh })).status).toBe(401)
    const again = await app.api.post('/api/v1/auth/password-reset/confirm', { token, new_password: 'Another-passphrase-8' })
    expect(again.status).toBe(400)
    expect(again.body).toEqual({ detail: 'This password reset link is invalid or has expired.' })
  })

  it('answers the same for an unknown address and sends nothing', async () => {
    const email = `ghost-${unique()}@example.com`
    const res = await app.api.post('/api/v1/auth/password-reset', { email })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ detail: 'If an account exists for this email, we sent a link to reset its password.' })
    await sleep(1200)
    expect(smtp.messages.some((mail) => recipients(mail).includes(email))).toBe(false)
  })

  it('lets only one of two concurrent uses of a token succeed', async () => {
    const { email } = await makeUser(app)
    await app.api.post('/api/v1/auth/password-reset', { email })
    const token = tokenIn((await emailTo(email, 'Reset your password')).text)
    const results = await Promise.all([
      app.api.post('/api/v1/auth/password-reset/confirm', { token, new_password: 'Concurrent-one-111' }),
      app.api.post('/api/v1/auth/password-reset/confirm', { token, password: 'Concurrent-two-222' }),
    ])
    expect(results.map((res) => res.status).sort()).toEqual([200, 400])
  })

  it('refuses a weak new password without spending the token', async () => {
    const { email } = await makeUser(app)
    await app.api.post('/api/v1/auth/password-reset', { email })
    const token = tokenIn((await emailTo(email, 'Reset your password')).text)
    const weak = await app.api.post('/api/v1/auth/password-reset/confirm', { token, new_password: 'password' })
    expect(weak.status).toBe(400)
    expect(weak.body.errors.password).toEqual(expect.arrayContaining(['This password is too common.']))
    expect((await app.api.post('/api/v1/auth/password-reset/confirm', { token, new_password: 'Strong-enough-pass-9' })).status).toBe(200)
  })

  it('refuses an expired token', async () => {
    const { email, user } = await makeUser(app)
    await app.api.post('/api/v1/auth/password-reset', { email })
    const token = tokenIn((await emailTo(email, 'Reset your password')).text)
    await app.payload.update({
      collection: 'auth-tokens',
      where: { user: { equals: user.id } },
      data: { expires_at: new Date(Date.now() - 1000).toISOString() },
      overrideAccess: true,
    })
    expect((await app.api.post('/api/v1/auth/password-reset/confirm', { token, new_password: 'Too-late-passphrase-1' })).status).toBe(400)
  })
})

describe('email verification', () => {
  it('sends a link at registration; the token verifies the account once', async () => {
    const email = `verify-${unique()}@example.com`
    const registered = await app.api.post('/api/v1/auth/register', { email, password: 'securepassword123' })
    expect(registered.body.user.is_verified).toBe(false)
    const token = tokenIn((await emailTo(email, 'Confirm your email address')).text)
    const res = await app.api.post('/api/v1/auth/verify-email/', { token })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ detail: 'Email address verified.', user: { email, is_verified: true } })
    expect((await app.api.get(`/api/v1/auth/verify-email?token=${token}`)).status).toBe(400)
  })

  it('unverifies a changed address and verifies the new one with a fresh link', async () => {
    const registered = await app.api.post('/api/v1/auth/register', { email: `old-${unique()}@example.com`, password: 'securepassword123' })
    const access = String(registered.body.access_token)
    await app.api.post('/api/v1/auth/verify-email', {
      token: tokenIn((await emailTo(String(registered.body.user.email), 'Confirm your email address')).text),
    })
    const newEmail = `new-${unique()}@example.com`
    const changed = await app.api.patch('/api/v1/users/me', { email: newEmail }, { token: access })
    expect(changed.body.data).toMatchObject({ email: newEmail, is_verified: false })
    const link = await emailTo(newEmail, 'Confirm your email address')
    expect((await app.api.get(`/api/v1/auth/verify-email/?token=${tokenIn(link.text)}`)).body.user).toMatchObject({
      email: newEmail,
      is_verified: true,
    })
  })

  it('resends on request', async () => {
    const registered = await app.api.post('/api/v1/auth/register', {
      email: `resend-${unique()}@example.com`,
      password: 'securepassword123',
    })
    const res = await app.api.post('/api/v1/auth/verify-email/resend', {}, { token: String(registered.body.access_token) })
    expect(res.body).toEqual({ detail: 'Verification email sent.' })
  })
})

describe('change password', () => {
  it('needs the current password and signs out the other sessions', async () => {
    const { email, token } = await makeUser(app)
    const other = await app.api.post('/api/v1/auth/login', { email, password: TEST_PASSWORD })
    const wrong = await app.api.post(
      '/api/v1/auth/change-password',
      { current_password: 'nope-nope-1', new_password: 'Fresh-passphrase-55' },
      { token },
    )
    expect(wrong.status).toBe(400)
    expect(wrong.body.errors).toEqual({ current_password: ['Your current password is incorrect.'] })
    const ok = await app.api.post(
      '/api/v1/auth/change-password/',
      { current_password: TEST_PASSWORD, new_password: 'Fresh-passphrase-55' },
      { token },
    )
    expect(ok.status).toBe(200)
    expect((await app.api.post('/api/v1/auth/refresh', { refresh: String(other.body.refresh) })).status).toBe(401)
    expect((await app.api.get('/api/v1/auth/me', { token })).status).toBe(200)
  })
})
