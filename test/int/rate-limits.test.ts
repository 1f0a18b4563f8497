import { createLocalReq } from 'payload'
import { issueSession } from '../../src/domain/auth/issueSession.ts'
import { startTestApp, type TestApp } from '../helpers/app.ts'
import { makeUser, unique } from '../helpers/factories.ts'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp({
    env: {
      RATE_LIMIT_ANON_PER_HOUR: '5',
      RATE_LIMIT_AUTH_PER_HOUR: '8',
      RATE_LIMIT_PREMIUM_PER_HOUR: '20',
      RATE_LIMIT_REGISTRATIONS_PER_HOUR: '2',
      RATE_LIMIT_PASSWORD_RESETS_PER_HOUR: '2',
    },
  })
})
afterAll(() => app.stop())

// Each describe uses its own client address (X-Forwarded-For is not trusted here, so all are 127.0.0.1):
// the per-IP budgets are therefore spent in order, and each test reads what it spent.
describe('per-client limits (spec 001)', () => {
  it('gives anonymous clients RATE_LIMIT_ANON_PER_HOUR requests, with RateLimit headers, then 429 + Retry-After', async () => {
    const statuses: number[] = []
    let last
    for (let i = 0; i < 6; i++) {
      last = await app.api.get('/api/v1/system/health')
      statuses.push(last.status)
      if (i === 0) {
        expect(last.headers.get('ratelimit-limit')).toBe('5')
        expect(last.headers.get('ratelimit-remaining')).toBe('4')
        expect(last.headers.get('ratelimit-policy')).toBe('5;w=3600')
        expect(Number(last.headers.get('ratelimit-reset'))).toBeGreaterThan(3500)
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
    expect(last!.body).toEqual({ detail: expect.stringMatching(/^Request was throttled\. Expected available in \d+ seconds\.$/) })
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(last!.headers.get('ratelimit-remaining')).toBe('0')
  })

  it('counts signed-in users by account with their own, larger budget', async () => {
    const alice = await makeUser(app)
    const bob = await makeUser(app)
    const aliceStatuses: number[] = []
    for (let i = 0; i < 9; i++) aliceStatuses.push((await app.api.get('/api/v1/auth/me', { token: alice.token })).status)
    expect(aliceStatuses).toEqual([...Array(8).fill(200), 429])
    const bobs = await app.api.get('/api/v1/auth/me', { token: bob.token })
    expect(bobs.status).toBe(200)
    expect(bobs.headers.get('ratelimit-limit')).toBe('8')
  })

  it('gives premium subscribers the premium budget (tier carried by the access token)', async () => {
    const { user } = await makeUser(app)
    const premium = await app.payload.update({
      collection: 'users',
      id: user.id,
      data: { rate_limit_tier: 'premium' },
      overrideAccess: true,
    })
    const session = await issueSession(await createLocalReq({}, app.payload), premium, { ip: '127.0.0.1', userAgent: 'test' })
    const statuses: number[] = []
    for (let i = 0; i < 21; i++) statuses.push((await app.api.get('/api/v1/auth/me', { token: session.access })).status)
    expect(statuses).toEqual([...Array(20).fill(200), 429])
  })
})

describe('per-IP limits on registration and password reset', () => {
  it('allows RATE_LIMIT_REGISTRATIONS_PER_HOUR registrations per address', async () => {
    const { token } = await makeUser(app) // authenticated, so the anonymous budget spent above does not interfere
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) {
      statuses.push(
        (await app.api.post('/api/v1/auth/register', { email: `rl-${unique()}@example.com`, password: 'securepassword123' }, { token }))
          .status,
      )
    }
    expect(statuses).toEqual([201, 201, 429])
  })

  it('allows RATE_LIMIT_PASSWORD_RESETS_PER_HOUR reset requests per address', async () => {
    const { token } = await makeUser(app)
    const statuses: number[] = []
    for (let i = 0; i < 3; i++)
      statuses.push((await app.api.post('/api/v1/auth/password-reset', { email: `any-${i}@example.com` }, { token })).status)
    expect(statuses).toEqual([200, 200, 429])
  })
})
