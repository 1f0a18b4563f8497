import { logger } from '../../src/lib/logger.ts'
import { secretValues } from '../../src/lib/secretValues.ts'
import { startTestApp, type TestApp } from '../helpers/app.ts'
import { makeStaff, makeUser, type TestUser } from '../helpers/factories.ts'

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789'
const STRIPE_SECRET_KEY = 'sk_test_system_secret_value_42'
let app: TestApp
let member: TestUser
let manager: TestUser
let admin: TestUser

beforeAll(async () => {
  app = await startTestApp({ env: { METRICS_TOKEN, STRIPE_SECRET_KEY, LOG_LEVEL: 'info' } })
  ;[member, manager, admin] = await Promise.all([makeUser(app), makeStaff(app, 'manager'), makeStaff(app, 'admin')])
})
afterAll(() => app.stop())

/** No configured secret, and none of the well-known credential shapes, appears in `text`. */
function expectNoSecret(text: string): void {
  const secrets = secretValues()
  expect(secrets).toEqual(expect.arrayContaining([METRICS_TOKEN, STRIPE_SECRET_KEY]))
  for (const secret of [...secrets, admin.token, member.token]) expect(text).not.toContain(secret)
}

describe('the admin-only matrix', () => {
  const routes = [
    ['GET', '/api/v1/system/stats/'],
    ['GET', '/api/v1/system/config'],
    ['GET', '/api/v1/system/logs?lines=5'],
    ['POST', '/api/v1/system/restart'],
  ] as const

  it.each(routes)('%s %s: 401 anonymous, 403 user and manager', async (method, path) => {
    const anonymous = await app.api.request(method, path)
    expect(anonymous.status).toBe(401)
    expect(anonymous.body).toEqual({ detail: expect.any(String) })
    for (const caller of [member, manager]) {
      const res = await app.api.request(method, path, undefined, { token: caller.token })
      expect(res.status).toBe(403)
      expect(res.body).toEqual({ detail: 'You do not have permission to perform this action.' })
    }
  })

  it('lets an admin read stats, config and logs; health stays public', async () => {
    for (const [, path] of routes.slice(0, 3)) expect((await app.api.get(path, { token: admin.token })).status).toBe(200)
    const health = await app.api.get('/api/v1/system/health/')
    expect(health.status).toBe(200)
    expect(health.body).toMatchObject({ status: 'healthy' })
  })
})

describe('GET /api/v1/system/stats', () => {
  it('reports cpu, memory, disk, the Node version, the pool and the outbox depth', async () => {
    const res = await app.api.get('/api/v1/system/stats', { token: admin.token })
    expect(res.body).toEqual({
      cpu_percent: expect.any(Number),
      memory_percent: expect.any(Number),
      disk_percent: expect.any(Number),
      node_version: process.versions.node,
      uptime: expect.any(Number),
      process_memory_bytes: expect.any(Number),
      database_pool: { total: expect.any(Number), idle: expect.any(Number), waiting: expect.any(Number), max: expect.any(Number) },
      outbox: { pending: expect.any(Number), processing: expect.any(Number), failed: expect.any(Number) },
    })
    for (const key of ['cpu_percent', 'memory_percent', 'disk_percent'] as const) {
      expect(Number(res.body[key])).toBeGreaterThanOrEqual(0)
      expect(Number(res.body[key])).toBeLessThanOrEqual(100)
    }
    expect(Number(res.body.memory_percent)).toBeGreaterThan(0)
  })
})

describe('GET /api/v1/system/config', () => {
  it("answers spec 003's keys and no secret", async () => {
    const res = await app.api.get('/api/v1/system/config', { token: admin.token })
    expect(res.body).toMatchObject({
      environment: 'test',
      debug_mode: true,
      max_upload_size: 104857600,
      stripe_enabled: true,
      redis_enabled: false,
      metrics_token_set: true,
    })
    expectNoSecret(res.text)
  })
})

describe('GET /api/v1/system/logs', () => {
  it('returns the last N lines with secrets redacted', async () => {
    logger.warn({ access_token: 'leaky-access-token-value', note: `key ${STRIPE_SECRET_KEY}` }, 'system-logs-probe one')
    logger.warn(`system-logs-probe two: Authorization Bearer ${member.token} and postgres://app:hunter2secret@db:5432/x`)
    const res = await app.api.get('/api/v1/system/logs/?lines=50', { token: admin.token })
    expect(res.status).toBe(200)
    const probes = res.body.lines.map(String).filter((line) => line.includes('system-logs-probe'))
    expect(probes).toEqual([expect.stringContaining('system-logs-probe one'), expect.stringContaining('system-logs-probe two')])
    expect((await app.api.get('/api/v1/system/logs?lines=2', { token: admin.token })).body).toEqual({
      lines: [expect.any(String), expect.any(String)],
      count: 2,
    })
    for (const leaked of ['leaky-access-token-value', STRIPE_SECRET_KEY, member.token, 'hunter2secret'])
      expect(res.text).not.toContain(leaked)
    expect(res.text).toContain('[redacted]')
    expectNoSecret(res.text)
    const bad = await app.api.get('/api/v1/system/logs?lines=0', { token: admin.token })
    expect(bad.status).toBe(400)
    expect(bad.body).toEqual({ detail: expect.any(String), errors: { lines: [expect.any(String)] } })
  })
})

describe('POST /api/v1/system/restart', () => {
  it('answers 503 when no launcher supervises the process (an embedded server)', async () => {
    const res = await app.api.post('/api/v1/system/restart', {}, { token: admin.token })
    expect(res.status).toBe(503)
    expect(res.body).toEqual({ detail: 'Restart is only available when the server runs under its launcher (npm start).' })
  })
})

describe('GET /metrics', () => {
  it('is for staff and the metrics token only', async () => {
    expect((await app.api.get('/metrics')).status).toBe(401)
    expect((await app.api.get('/metrics', { token: 'wrong-token-wrong-token-000' })).status).toBe(401)
    const user = await app.api.get('/metrics', { token: member.token })
    expect(user.status).toBe(403)
    expect(user.body).toEqual({ detail: 'You do not have permission to perform this action.' })
    expect((await app.api.get('/metrics', { token: manager.token })).status).toBe(200)
  })

  it('counts requests and latency by route, outbox depth and pool usage, and shows no secret', async () => {
    await app.api.get('/api/v1/system/config', { token: admin.token })
    const res = await app.api.get('/metrics', { token: METRICS_TOKEN })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
    expect(res.text).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/system\/config",status="200"\} [1-9]/)
    expect(res.text).toMatch(/http_request_duration_seconds_bucket\{le="0.5",method="GET",route="\/api\/v1\/system\/config"\} [1-9]/)
    expect(res.text).toMatch(/outbox_queue_depth\{status="pending"\} \d+/)
    expect(res.text).toMatch(/db_pool_connections\{state="total"\} [1-9]/)
    expect(res.text).toMatch(/analytics_rows\{state="dropped"\} \d+/)
    expectNoSecret(res.text)
  })
})
