import { randomBytes } from 'node:crypto'
import { freshAccessToken } from '../../src/domain/integrations/freshAccessToken.ts'
import { rotateTokenKeys } from '../../src/domain/integrations/rotateTokenKeys.ts'
import { config } from '../../src/lib/config.ts'
import { logRing } from '../../src/lib/logRing.ts'
import { startTestApp, type TestApp } from '../helpers/app.ts'
import { sqlRows } from '../helpers/db.ts'
import { makeUser, unique, type TestUser } from '../helpers/factories.ts'
import { startFakeSync, type FakeSync } from '../helpers/fakeSync.ts'
import { waitUntil } from '../helpers/wait.ts'

let app: TestApp
let fake: FakeSync
const plaintexts: string[] = []

/** A token the fakes accept, remembered so every test can check it never leaks. */
const token = (prefix: string, valid = true) => {
  const value = `${prefix}_${randomBytes(12).toString('hex')}`
  if (valid) fake.validTokens.add(value)
  plaintexts.push(value)
  return value
}

beforeAll(async () => {
  fake = await startFakeSync()
  app = await startTestApp({ env: fake.env })
})
afterAll(async () => {
  await app.stop()
  await fake.close()
})

const connect = (user: TestUser, service: string, body: Record<string, unknown>) =>
  app.api.post(`/api/v1/integrations/${service}/connect/`, body, { token: user.token })

const waitForSync = (user: TestUser, service: string) =>
  waitUntil(
    async () => {
      const res = await app.api.get(`/api/v1/integrations/${service}/status`, { token: user.token })
      return ['completed', 'failed'].includes(String(res.body.sync_status)) ? res : null
    },
    { timeoutMs: 20_000 },
  )

describe('connect, status, list, disconnect', () => {
  it("connects with spec 003's body, never answering a token, and validates it against the service", async () => {
    const user = await makeUser(app)
    const access = token('gho')
    const res = await connect(user, 'github', { access_token: access, refresh_token: token('ghr'), config: { org: 'octo' } })
    expect(res.status).toBe(201)
    expect(res.body).toEqual({
      id: expect.any(Number),
      service_name: 'github',
      connected: true,
      last_sync: null,
      sync_status: 'idle',
      error_message: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    })
    const status = await app.api.get('/api/v1/integrations/github/status/', { token: user.token })
    expect(status.body).toMatchObject({ service_name: 'github', account: { id: 42, login: 'octo' }, items_synced: 0 })
    const list = await app.api.get('/api/v1/integrations', { token: user.token })
    expect(list.body.map((row) => row.service_name)).toEqual(['github'])
    const rest = await app.api.get('/api/integrations', { token: user.token })
    for (const res2 of [res, status, list, rest]) for (const secret of plaintexts) expect(res2.text).not.toContain(secret)
    expect(rest.text).not.toContain('v1.dev.')
  })

  it('refuses a token the service rejects, and connects the others without an API check', async () => {
    const user = await makeUser(app)
    const rejected = await connect(user, 'github', { access_token: token('gho', false) })
    expect(rejected.status).toBe(400)
    expect(rejected.body).toEqual({ detail: 'github rejected the access token' })
    const slackBad = await connect(user, 'slack', { access_token: token('xoxb', false) })
    expect(slackBad.status).toBe(400)
    expect(slackBad.body).toEqual({ detail: 'slack rejected the token: invalid_auth' })
    expect((await connect(user, 'slack', { access_token: token('xoxb') })).status).toBe(201)
    for (const service of ['google_drive', 'tradingview', 'dropbox', 'onedrive', 'gitlab', 'discord', 'twitter', 'linkedin']) {
      expect((await connect(user, service, { access_token: token('tok') })).status).toBe(201)
    }
    expect((await connect(user, 'myspace', { access_token: 'x' })).status).toBe(400)
    const list = await app.api.get('/api/v1/integrations', { token: user.token })
    expect(list.body).toHaveLength(9)
    const del = await app.api.delete('/api/v1/integrations/dropbox/', { token: user.token })
    expect(del.status).toBe(204)
    const gone = await app.api.get('/api/v1/integrations/dropbox/status', { token: user.token })
    expect(gone.status).toBe(404)
    expect(gone.body).toEqual({ detail: 'dropbox is not connected' })
    const other = await makeUser(app)
    expect((await app.api.get('/api/v1/integrations/slack/status', { token: other.token })).status).toBe(404)
  })

  it('keeps tokens encrypted at rest: no plaintext in a dump of the table', async () => {
    // COPY's text form of every row and column (what pg_dump --data-only writes; the embedded server's
    // version need not match the machine's pg_dump).
    const rows = await sqlRows<{ line: string }>(app, `SELECT t::text AS line FROM integrations t`)
    const dump = rows.map((row) => row.line).join('\n')
    expect(rows.length).toBeGreaterThan(0)
    expect(dump).toContain('v1.dev.')
    for (const secret of plaintexts) expect(dump).not.toContain(secret)
  })
})

describe('sync', () => {
  it('syncs GitHub repositories into items in the background, with progress in status, once per repository', async () => {
    const user = await makeUser(app)
    await connect(user, 'github', { access_token: token('gho') })
    const res = await app.api.post('/api/v1/integrations/github/sync/', { sync_type: 'full' }, { token: user.token })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      service_name: 'github',
      sync_status: 'queued',
      items_synced: 0,
      message: 'Sync queued; follow its progress in status',
    })
    const done = await waitForSync(user, 'github')
    expect(done?.body).toMatchObject({
      sync_status: 'completed',
      items_synced: 3,
      sync_progress: { done: 3, total: 3, created: 3 },
      error_message: null,
      last_sync: expect.any(String),
    })
    await app.api.post('/api/v1/integrations/github/sync', {}, { token: user.token })
    expect((await waitForSync(user, 'github'))?.body).toMatchObject({ sync_status: 'completed', sync_progress: { created: 0 } })
    const items = await app.api.get('/api/v1/items?item_type=github_repository', { token: user.token })
    expect(items.body.map((item) => item.title).sort()).toEqual(['octo/repo-1', 'octo/repo-2', 'octo/repo-3'])
  })

  it('refreshes an expired token once for 20 concurrent syncs (one request to the provider)', async () => {
    const user = await makeUser(app)
    const refresh = `ghr_${unique()}`
    plaintexts.push(refresh)
    await connect(user, 'github', { access_token: token('gho'), refresh_token: refresh })
    // Expired now: the next use needs a refresh.
    await sqlRows(app, `UPDATE integrations SET token_expires_at = now() - interval '1 minute' WHERE owner_id = $1`, [user.user.id])
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => app.api.post('/api/v1/integrations/github/sync', {}, { token: user.token })),
    )
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200))
    expect(fake.refreshes.get(refresh)).toBe(1)
    expect(answers.filter((answer) => String(answer.body.message) === 'Sync queued; follow its progress in status')).toHaveLength(1)
    expect((await waitForSync(user, 'github'))?.body).toMatchObject({ sync_status: 'completed', items_synced: 3 })
    expect(fake.refreshes.get(refresh)).toBe(1)
    const [row] = await sqlRows<{ token_expires_at: Date }>(app, 'SELECT token_expires_at FROM integrations WHERE owner_id = $1', [
      user.user.id,
    ])
    expect(row.token_expires_at.getTime()).toBeGreaterThan(Date.now() + 3600_000)
  })

  it('answers 400 for services that do not sync yet', async () => {
    const user = await makeUser(app)
    await connect(user, 'dropbox', { access_token: token('tok') })
    const res = await app.api.post('/api/v1/integrations/dropbox/sync', {}, { token: user.token })
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ detail: 'Sync is not available for dropbox yet; it is connected and reports status.' })
  })
})

describe('key rotation', () => {
  it('encrypts under the new key, still decrypts the old one, and the command re-encrypts every row', async () => {
    const user = await makeUser(app)
    const access = token('gho')
    await connect(user, 'github', { access_token: access })
    const [{ id }] = await sqlRows<{ id: number }>(app, 'SELECT id FROM integrations WHERE owner_id = $1', [user.user.id])
    const oldRing = config.INTEGRATIONS_ENCRYPTION_KEYS
    const newKey = `k2:${randomBytes(32).toString('base64')}`
    try {
      config.INTEGRATIONS_ENCRYPTION_KEYS = `${newKey},${oldRing}` // as after a deploy with the new key first
      expect(await freshAccessToken(app.payload, id)).toBe(access)
      const fresh = await makeUser(app)
      await connect(fresh, 'github', { access_token: token('gho') })
      const [newRow] = await sqlRows<{ access_token_enc: string }>(app, 'SELECT access_token_enc FROM integrations WHERE owner_id = $1', [
        fresh.user.id,
      ])
      expect(newRow.access_token_enc.startsWith('v1.k2.')).toBe(true)
      const { reencrypted } = await rotateTokenKeys(app.payload)
      expect(reencrypted).toBeGreaterThan(0)
      const left = await sqlRows(
        app,
        `SELECT id FROM integrations WHERE access_token_enc NOT LIKE 'v1.k2.%' OR refresh_token_enc NOT LIKE 'v1.k2.%'`,
      )
      expect(left).toEqual([])
      expect((await rotateTokenKeys(app.payload)).reencrypted).toBe(0)
      config.INTEGRATIONS_ENCRYPTION_KEYS = newKey // the old key removed
      expect(await freshAccessToken(app.payload, id)).toBe(access)
    } finally {
      config.INTEGRATIONS_ENCRYPTION_KEYS = oldRing
    }
  })
})

it('never logs a token', () => {
  const logged = logRing.last(1000).join('\n')
  for (const secret of plaintexts) expect(logged).not.toContain(secret)
})
