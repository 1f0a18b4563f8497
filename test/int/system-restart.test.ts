import { startPlatformProcess, type PlatformProcess } from '../helpers/platformProcess.ts'
import { cloneTemplateDatabase } from '../helpers/testDatabase.ts'
import { apiClient } from '../helpers/api.ts'

// The launcher (src/main.ts) as a supervisor runs it: a restart drains, closes and exits with code 75.
const ADMIN = { email: 'restart-admin@platform.test', password: 'Restart-Admin-Password-1' }
let database: Awaited<ReturnType<typeof cloneTemplateDatabase>>
let running: PlatformProcess

beforeAll(async () => {
  database = await cloneTemplateDatabase()
  running = await startPlatformProcess({
    cwd: process.cwd(),
    env: {
      DATABASE_URL: database.url,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SEED_DEMO: 'false',
      CRON_ENABLED: 'false',
    },
  })
}, 180_000)
afterAll(async () => {
  await running?.stop('SIGKILL')
  await database?.drop()
})

it('POST /api/v1/system/restart answers, then the process drains and exits with the restart code', async () => {
  const api = apiClient(running.url)
  const login = await api.post('/api/v1/auth/login', { email: ADMIN.email, password: ADMIN.password })
  expect(login.status).toBe(200)
  const token = String(login.body.access_token)
  const res = await api.post('/api/v1/system/restart/', {}, { token })
  expect(res.status).toBe(200)
  expect(res.body).toEqual({ status: 'restarting', message: 'Draining requests, then restarting', exit_code: 75 })
  expect(await running.exited).toBe(75)
  expect(running.output()).toContain('shutdown complete')
}, 120_000)
