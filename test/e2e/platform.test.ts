import { execFileSync } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { apiClient } from '../helpers/api.ts'
import { connectSocket, nextEvent } from '../helpers/socket.ts'
import { waitUntil } from '../helpers/wait.ts'
import { runNpmScript, runToExit, spawnPlatform, startPlatformProcess, type PlatformProcess } from '../helpers/platformProcess.ts'
import { TEST_SERVER_ENV, databaseUrl, withClient } from '../helpers/testDatabase.ts'

// The README's `npm run dev` as a newcomer meets it: no DATABASE_URL, a fresh directory, real Chromium.
let workdir: string
let browser: Browser
let running: PlatformProcess | undefined
beforeAll(async () => {
  workdir = await fs.mkdtemp(path.join(os.tmpdir(), 'platform-e2e-'))
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
})
afterAll(async () => {
  await running?.stop('SIGKILL')
  await browser?.close()
  await fs.rm(workdir, { recursive: true, force: true })
})

const env = {
  DATABASE_URL: undefined,
  ADMIN_PASSWORD: undefined,
  ADMIN_EMAIL: 'staff@platform.test',
  SEED_DEMO: 'true',
  CRON_ENABLED: 'false',
}
const postgresProcesses = () => {
  try {
    return execFileSync('pgrep', ['-f', path.join(workdir, '.data', 'pg')])
      .toString()
      .trim()
      .split('\n')
      .filter(Boolean)
  } catch {
    return [] // pgrep exits 1 when nothing matches
  }
}

describe('npm run dev on a fresh machine', () => {
  let adminPassword = ''

  it('starts an embedded PostgreSQL, migrates, creates the staff admin and prints where everything is', async () => {
    running = await startPlatformProcess({ cwd: workdir, env })
    const banner = running.output()
    expect(banner).toContain('initialising embedded PostgreSQL')
    for (const line of ['Admin panel', 'REST API', 'GraphQL', 'API docs', 'Custom API']) expect(banner).toContain(line)
    expect(banner).toContain(`${running.url.replace('127.0.0.1', 'localhost')}/api/v1`)
    adminPassword = /Staff login\s+staff@platform\.test\s+password: (\S+)/.exec(banner)?.[1] ?? ''
    expect(adminPassword).toMatch(/^[\w-]{16}$/)
    expect(banner).toContain('shown only once')
    await expect(fs.stat(path.join(workdir, '.data', 'pg', 'PG_VERSION'))).resolves.toBeTruthy()
  }, 180_000)

  it('lets the staff admin log in to /admin in a real browser, after /api/v1 upgraded their hash, and see the collections', async () => {
    // A sign-in through /api/v1 first (it would upgrade an older hash); /admin must still work after it.
    const upgraded = await apiClient(running!.url).post('/api/v1/auth/login', { email: 'staff@platform.test', password: adminPassword })
    expect(upgraded.status).toBe(200)
    const page = await browser.newPage()
    await page.goto(`${running!.url}/admin`, { timeout: 180_000 })
    await page.waitForURL(/\/admin\/login/, { timeout: 180_000 })
    await page.fill('#field-username', 'staff@platform.test')
    await page.fill('#field-password', adminPassword)
    await page.click('button[type="submit"]')
    await page.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 180_000 })
    await page.waitForSelector('a[href="/admin/collections/users"]', { timeout: 180_000 })
    const links = await page.$$eval('a[href^="/admin/collections/"]', (anchors) => anchors.map((a) => a.getAttribute('href')))
    expect(links).toEqual(
      expect.arrayContaining(['/admin/collections/users', '/admin/collections/events', '/admin/collections/registrations']),
    )
    // The event form renders, rich-text editor included (its components come from the import map).
    await page.goto(`${running!.url}/admin/collections/events/create`, { timeout: 180_000 })
    await page.waitForSelector('[data-lexical-editor="true"]', { timeout: 180_000 })
    await page.close()
  }, 400_000)

  it('leads "Forgot password?" in the admin panel to a reset that works: emailed link, new password, sign-in', async () => {
    const page = await browser.newPage()
    await page.goto(`${running!.url}/admin/login`, { timeout: 180_000 })
    await page.click('a[href="/admin/forgot"]')
    await page.waitForURL(/\/admin\/forgot/, { timeout: 180_000 })
    await page.fill('#field-username', 'manager@example.com')
    await page.click('button[type="submit"]')
    // Without SMTP_URL the outbox logs the email instead of sending it: the link is in the output.
    const link = await waitUntil(() => /manager@example\.com[^\n]*?(\/admin\/reset\/[\w-]+)/.exec(running!.output())?.[1], {
      timeoutMs: 60_000,
    })
    expect(link).toMatch(/^\/admin\/reset\//)
    await page.goto(`${running!.url}${link}`, { timeout: 180_000 })
    await page.fill('#field-password', 'Orchard-lantern-passphrase-7')
    await page.fill('#field-confirm-password', 'Orchard-lantern-passphrase-7')
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin\/login/, { timeout: 180_000 })
    await page.fill('#field-username', 'manager@example.com')
    await page.fill('#field-password', 'Orchard-lantern-passphrase-7')
    await page.click('button[type="submit"]')
    await page.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 180_000 })
    await page.waitForSelector('a[href="/admin/collections/events"]', { timeout: 180_000 })
    await page.close()
    // The same link does not work twice.
    const again = await apiClient(running!.url).post('/api/users/reset-password', {
      token: link!.split('/').pop(),
      password: 'Orchard-other-passphrase-8',
    })
    expect(again.status).toBe(400)
  }, 400_000)

  it('serves socket.io beside the admin panel on the same port (Next leaves its upgrades alone)', async () => {
    const login = await apiClient(running!.url).post('/api/users/login', { email: 'staff@platform.test', password: adminPassword })
    const socket = connectSocket(running!.url, String(login.body.token))
    try {
      await expect(nextEvent(socket, 'ready')).resolves.toEqual({ user_id: expect.any(Number) })
    } finally {
      socket.disconnect()
    }
  }, 30_000)

  it('shuts down on SIGTERM, leaving no orphan postgres process', async () => {
    expect(postgresProcesses().length).toBeGreaterThan(0)
    const code = await running!.stop('SIGTERM')
    running = undefined
    expect(code).toBe(0)
    expect(postgresProcesses()).toEqual([])
  }, 60_000)

  it('reuses the data on a second start: same admin, demo data not duplicated', async () => {
    running = await startPlatformProcess({ cwd: workdir, env })
    const banner = running.output()
    expect(banner).not.toContain('initialising embedded PostgreSQL')
    expect(banner).toContain('password: (unchanged')
    const api = apiClient(running.url)
    const login = await api.post('/api/users/login', { email: 'staff@platform.test', password: adminPassword })
    expect(login.status).toBe(200)
    const users = await api.get('/api/users?limit=100', { token: String(login.body.token) })
    expect(users.body.docs.map((user) => String(user.email)).sort()).toEqual([
      'demo@example.com',
      'jane@example.com',
      'manager@example.com',
      'staff@platform.test',
    ])
    const events = await api.get('/api/v1/events')
    expect(events.body.events.map((event) => String(event.name))).toEqual([
      'Morning Meditation Session',
      'Tech Hackathon',
      'Mountain Retreat',
    ])
    expect(await running.stop('SIGINT')).toBe(0)
    running = undefined
    expect(postgresProcesses()).toEqual([])
  }, 180_000)
})

describe('npm run build && npm start (production)', () => {
  const secrets = {
    PAYLOAD_SECRET: 'p'.repeat(48),
    JWT_SECRET: 'j'.repeat(48),
    CRM_BEARER_TOKEN: 'c'.repeat(32),
    INTEGRATIONS_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  }
  let emptyDatabase: { url: string; drop(): Promise<void> }

  beforeAll(async () => {
    await runNpmScript('build')
    emptyDatabase = await createEmptyDatabase()
  }, 900_000)
  afterAll(() => emptyDatabase?.drop())

  it('refuses to start on a default secret, with a clear message', async () => {
    const { code, output } = await runToExit(spawnPlatform({ cwd: workdir, env: { DATABASE_URL: emptyDatabase.url }, mode: 'production' }))
    expect(code).toBe(1)
    expect(output).toContain(
      'failed to start: Refusing to start in production with development default secrets: PAYLOAD_SECRET, JWT_SECRET, CRM_BEARER_TOKEN, INTEGRATIONS_ENCRYPTION_KEYS.',
    )
  }, 60_000)

  it('applies pending migrations at start, serves the built admin and stops cleanly', async () => {
    running = await startPlatformProcess({
      cwd: workdir,
      env: { ...secrets, DATABASE_URL: emptyDatabase.url, ADMIN_PASSWORD: 'Production-Admin-1', ADMIN_EMAIL: 'ops@platform.test' },
      mode: 'production',
    })
    expect(running.output()).toContain('Platform is running (production)')
    const migrated = await withClient(emptyDatabase.url, (client) => client.query('SELECT name FROM payload_migrations'))
    const files = (await fs.readdir(path.resolve('migrations'))).filter((file) => /^\d.*\.ts$/.test(file))
    expect(migrated.rowCount).toBe(files.length)
    const login = await fetch(`${running.url}/admin/login`)
    expect(login.status).toBe(200)
    expect(await login.text()).toContain('<html')
    const api = apiClient(running.url)
    expect((await api.post('/api/users/login', { email: 'ops@platform.test', password: 'Production-Admin-1' })).status).toBe(200)
    expect((await api.get('/api/users?where[email][equals]=demo@example.com')).status).toBe(403)
    expect(await running.stop('SIGTERM')).toBe(0)
    running = undefined
  }, 180_000)
})

async function createEmptyDatabase() {
  const serverUrl = process.env[TEST_SERVER_ENV]!
  const name = `platform_t_prod_${process.pid}`
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`))
  return {
    url: databaseUrl(serverUrl, name),
    drop: () =>
      withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`)).then(
        () => undefined,
      ),
  }
}
