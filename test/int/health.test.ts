import { startTestApp, type TestApp } from '../helpers/app.ts'
import { withClient } from '../helpers/testDatabase.ts'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.stop())

describe('GET /health (spec 004)', () => {
  it.each(['/health', '/health/'])('answers %s with the documented body', async (path) => {
    const res = await app.api.get(path)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ status: 'healthy', database: 'connected' })
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('answers 503 with database "disconnected" while the database refuses connections, and recovers', async () => {
    const serverUrl = app.database.url.replace(`/${app.database.name}`, '/postgres')
    const lockOut = async (allow: boolean) =>
      withClient(serverUrl, async (client) => {
        await client.query(`ALTER DATABASE ${client.escapeIdentifier(app.database.name)} WITH ALLOW_CONNECTIONS ${allow}`)
        if (!allow) {
          await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
            app.database.name,
          ])
        }
      })
    await lockOut(false)
    try {
      const down = await app.api.get('/health')
      expect(down.status).toBe(503)
      expect(down.body).toEqual({ status: 'unhealthy', database: 'disconnected' })
    } finally {
      await lockOut(true)
    }
    const up = await app.api.get('/health')
    expect(up.status).toBe(200)
    expect(up.body).toEqual({ status: 'healthy', database: 'connected' })
  })
})

describe('GET /api/v1/system/health (spec 003)', () => {
  it.each(['/api/v1/system/health', '/api/v1/system/health/'])('answers %s with status, version, uptime and timestamp', async (path) => {
    const res = await app.api.get(path)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ status: 'healthy', version: '1.0.0', uptime: expect.any(Number), timestamp: expect.any(String) })
    expect(Number(res.body.uptime)).toBeGreaterThan(0)
    expect(new Date(String(res.body.timestamp)).toISOString()).toBe(res.body.timestamp)
  })
})
