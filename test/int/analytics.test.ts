import { rollupAnalytics } from '../../src/domain/analytics/rollupAnalytics.ts'
import { usageRecorderFor } from '../../src/domain/analytics/usageRecorder.ts'
import { withClient } from '../../src/lib/db/pgClient.ts'
import { startTestApp, type TestApp } from '../helpers/app.ts'
import { sqlRows } from '../helpers/db.ts'
import { makeStaff, makeUser, type TestUser } from '../helpers/factories.ts'

// A small buffer, so the stalled-writer test overflows it with a few dozen requests.
const BUFFER_MAX = 20
let app: TestApp
let alice: TestUser
let bob: TestUser
let staff: TestUser

const flush = () => usageRecorderFor(app.payload).flush()

beforeAll(async () => {
  app = await startTestApp({ env: { ANALYTICS_BUFFER_MAX: String(BUFFER_MAX), ANALYTICS_BATCH_SIZE: '5' } })
  ;[alice, bob, staff] = await Promise.all([makeUser(app), makeUser(app), makeStaff(app)])
  // Alice's known set of calls: 3 lists, 2 lookups of a missing item, 1 invalid query, 1 page view.
  for (let i = 0; i < 3; i++) expect((await app.api.get('/api/v1/items/', { token: alice.token })).status).toBe(200)
  for (let i = 0; i < 2; i++) expect((await app.api.get('/api/v1/items/999999', { token: alice.token })).status).toBe(404)
  expect((await app.api.get('/api/v1/analytics/usage?days=0', { token: alice.token })).status).toBe(400)
  expect((await app.api.post('/api/v1/analytics/page-views/', { page: '/dashboard' }, { token: alice.token })).status).toBe(202)
  expect((await app.api.get('/api/v1/items', { token: bob.token })).status).toBe(200)
  await flush()
})
afterAll(() => app.stop())

// Alice never reads her figures after the first test; staff read them with user_id (staff's own calls are theirs).
const ofAlice = (path: string) => app.api.get(`${path}${path.includes('?') ? '&' : '?'}user_id=${alice.user.id}`, { token: staff.token })

describe('GET /api/v1/analytics/usage', () => {
  it("counts the caller's own calls, errors and page views", async () => {
    const res = await app.api.get('/api/v1/analytics/usage/?days=1', { token: alice.token })
    expect(res.status).toBe(200)
    // 3 + 2 + 1 GETs and the page-view POST are API calls; the page view itself is the eighth event.
    expect(res.body).toEqual({
      total_events: 8,
      api_calls: 7,
      page_views: 1,
      errors: 3,
      avg_response_time: expect.any(Number),
      period_start: expect.any(String),
      period_end: expect.any(String),
    })
    expect(Number(res.body.avg_response_time)).toBeGreaterThan(0)
    const span = Date.parse(String(res.body.period_end)) - Date.parse(String(res.body.period_start))
    expect(span).toBe(86_400_000)
    const ofBob = await app.api.get('/api/v1/analytics/usage', { token: bob.token })
    expect(ofBob.body).toMatchObject({ total_events: 1, api_calls: 1, page_views: 0, errors: 0 })
    expect((await app.api.get('/api/v1/analytics/errors', { token: bob.token })).body).toEqual([])
  })

  it("shows staff everyone's figures, or one user's with user_id", async () => {
    await flush()
    const everyone = await app.api.get('/api/v1/analytics/usage', { token: staff.token })
    expect(everyone.status).toBe(200)
    expect(Number(everyone.body.api_calls)).toBeGreaterThanOrEqual(10)
    // Alice's own read in the test above is her eighth call now.
    expect((await ofAlice('/api/v1/analytics/usage')).body).toMatchObject({ total_events: 9, api_calls: 8, page_views: 1, errors: 3 })
  })

  it("refuses another user's figures to a non-staff caller, and bad days", async () => {
    const res = await app.api.get(`/api/v1/analytics/usage?user_id=${alice.user.id}`, { token: bob.token })
    expect(res.status).toBe(403)
    expect(res.body).toEqual({ detail: "Only staff may read another user's analytics." })
    const tooMany = await app.api.get('/api/v1/analytics/usage?days=91', { token: bob.token })
    expect(tooMany.status).toBe(400)
    expect(tooMany.body).toEqual({ detail: expect.any(String), errors: { days: [expect.any(String)] } })
    expect((await app.api.get('/api/v1/analytics/usage')).status).toBe(401)
  })
})

describe('GET /api/v1/analytics/errors', () => {
  it('groups failed calls by route template, most first, with the latest detail', async () => {
    const res = await ofAlice('/api/v1/analytics/errors/?days=7&limit=10')
    expect(res.status).toBe(200)
    expect(res.body).toEqual([
      { endpoint: '/api/v1/items/:item_id', error_count: 2, last_error: expect.any(String), last_occurred: expect.any(String) },
      { endpoint: '/api/v1/analytics/usage', error_count: 1, last_error: 'Validation failed', last_occurred: expect.any(String) },
    ])
    expect((await ofAlice('/api/v1/analytics/errors?limit=1')).body).toHaveLength(1)
  })
})

describe('GET /api/v1/analytics/performance', () => {
  it('gives avg, min, max, p95 and the call count per endpoint', async () => {
    const res = await ofAlice('/api/v1/analytics/performance/?limit=10')
    expect(res.status).toBe(200)
    const byEndpoint = new Map(res.body.map((row) => [String(row.endpoint), row]))
    expect([...byEndpoint.keys()].sort()).toEqual([
      '/api/v1/analytics/page-views',
      '/api/v1/analytics/usage',
      '/api/v1/items',
      '/api/v1/items/:item_id',
    ])
    expect(byEndpoint.get('/api/v1/analytics/usage')).toMatchObject({ total_calls: 2 })
    const list = byEndpoint.get('/api/v1/items')!
    expect(list).toEqual({
      endpoint: '/api/v1/items',
      avg_response_time: expect.any(Number),
      min_response_time: expect.any(Number),
      max_response_time: expect.any(Number),
      p95_response_time: expect.any(Number),
      total_calls: 3,
    })
    expect(Number(list.min_response_time)).toBeLessThanOrEqual(Number(list.avg_response_time))
    expect(Number(list.avg_response_time)).toBeLessThanOrEqual(Number(list.max_response_time))
    expect(Number(list.p95_response_time)).toBeLessThanOrEqual(Number(list.max_response_time))
  })
})

describe('the usage writer', () => {
  it('never slows requests: with its table locked they still answer, and overflow is dropped and counted', async () => {
    const recorder = usageRecorderFor(app.payload)
    await flush()
    const before = recorder.stats()
    const calls = 3 * BUFFER_MAX
    await withClient(app.database.url, async (client) => {
      await client.query('BEGIN')
      // Every INSERT into analytics_events now waits for this transaction: the writer is stalled.
      await client.query('LOCK TABLE analytics_events IN ACCESS EXCLUSIVE MODE')
      const started = performance.now()
      const answers = await Promise.all(Array.from({ length: calls }, () => app.api.get('/api/v1/items', { token: bob.token })))
      const elapsed = performance.now() - started
      expect(answers.map((answer) => answer.status)).toEqual(Array(calls).fill(200))
      expect(elapsed).toBeLessThan(10_000)
      const stalled = recorder.stats()
      expect(stalled.dropped - before.dropped).toBeGreaterThan(0)
      expect(stalled.buffered).toBeLessThanOrEqual(BUFFER_MAX)
      await client.query('ROLLBACK')
    })
    await flush()
    const after = recorder.stats()
    // Every call is either written or counted as dropped (a few rows of earlier tests' last reads may join them).
    const accounted = after.recorded - before.recorded + (after.dropped - before.dropped)
    expect(accounted).toBeGreaterThanOrEqual(calls)
    expect(accounted).toBeLessThan(calls + 5)
    // Every row in the table came through the recorder, and every recorded row is in the table.
    const [row] = await sqlRows<{ count: string }>(app, 'SELECT count(*) FROM analytics_events')
    expect(Number(row.count)).toBe(after.recorded)
  })
})

describe('rollupAnalytics (daily cron)', () => {
  it('rolls complete days up once and deletes raw rows past 90 days', async () => {
    const now = new Date()
    const day = (daysAgo: number, hour: number) =>
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysAgo, hour))
    const insert = (at: Date, ms: number, status: number) =>
      sqlRows(
        app,
        `INSERT INTO analytics_events (event_type, endpoint, method, status_code, duration_ms, user_id, occurred_at)
         VALUES ('api_call', '/api/v1/rollup-test', 'GET', $1, $2, $3, $4)`,
        [status, ms, alice.user.id, at],
      )
    await insert(day(2, 9), 10, 200)
    await insert(day(2, 10), 30, 500)
    await insert(day(100, 12), 5, 200)
    const first = await rollupAnalytics(app.payload, now)
    expect(first.deleted).toBe(1)
    const rolled = await sqlRows<{ day: Date; calls: string; errors: string; avg_ms: string; min_ms: string; max_ms: string }>(
      app,
      `SELECT day, calls, errors, avg_ms, min_ms, max_ms FROM analytics_daily WHERE endpoint = '/api/v1/rollup-test' ORDER BY day`,
    )
    expect(
      rolled.map((row) => [
        row.day.toISOString(),
        Number(row.calls),
        Number(row.errors),
        Number(row.avg_ms),
        Number(row.min_ms),
        Number(row.max_ms),
      ]),
    ).toEqual([
      [day(100, 0).toISOString(), 1, 0, 5, 5, 5],
      [day(2, 0).toISOString(), 2, 1, 20, 10, 30],
    ])
    const old = await sqlRows(app, `SELECT id FROM analytics_events WHERE occurred_at < $1`, [day(90, 0)])
    expect(old).toEqual([])
    // A second run (another instance, a retried tick) rolls nothing twice.
    const second = await rollupAnalytics(app.payload, now)
    expect(second).toEqual({ days: 0, rows: 0, deleted: 0 })
    const [count] = await sqlRows<{ n: string }>(app, `SELECT count(*) AS n FROM analytics_daily WHERE endpoint = '/api/v1/rollup-test'`)
    expect(Number(count.n)).toBe(2)
  })
})
