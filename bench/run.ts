import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { ensureDatabase, freePort, startEmbeddedPostgres } from '../src/lib/db/embeddedPostgres.ts'
import { seedContention, seedEvents } from './fixtures.ts'
import { withClient } from '../src/lib/db/pgClient.ts'
import { measureHashCost } from './hashCost.ts'
import { toRow, type Row } from './rows.ts'
import { BENCH_ACCOUNT, scenarios, type Scenario } from './scenarios.ts'
import { measureWebhooks } from './webhooks.ts'
import { tsxLoader, waitForHttp } from './processes.ts'
import { areaBenches, type AreaResult } from './areas.ts'
import { startFakeStripe } from '../src/dev/fakeStripe/server.ts'
import { hashingLimit, measureLoginLatency, measureSignUp } from './auth.ts'
import { measureOutbox, startSmtpSink } from './outbox.ts'
import { hotPathFigures, printFigures } from './figures.ts'

/**
 * `npm run bench`: builds if needed, starts the production server and the raw node:http + pg baseline on
 * a fresh database, drives both with autocannon from this process, prints a table and writes
 * bench/results.json. Knobs: BENCH_DURATION (seconds, 10), BENCH_CONNECTIONS (50), BENCH_DATABASE_URL.
 */
const root = process.cwd()
const duration = Number(process.env.BENCH_DURATION ?? 10)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50)

async function main(): Promise<void> {
  await buildIfNeeded()
  const database = await freshDatabase()
  const platformPort = await freePort()
  const baselinePort = await freePort()
  const jwtSecret = randomBytes(32).toString('hex')
  const webhookSecret = `whsec_${randomBytes(24).toString('hex')}`
  const crmToken = randomBytes(20).toString('hex')
  // Stripe itself is out of reach: the local fake answers the SDK (no Stripe call is on a measured path).
  const fakeStripe = await startFakeStripe({ webhookSecret, webhookUrl: `http://127.0.0.1:${platformPort}/api/v1/payments/webhook` })
  // Every email the platform sends (sign-up verifications, the outbox scenario) goes to this local sink.
  const smtpSink = await startSmtpSink()
  const platformEnv = {
    NODE_ENV: 'production',
    PORT: String(platformPort),
    DATABASE_URL: database.url,
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    INTEGRATIONS_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    JWT_SECRET: jwtSecret,
    CRM_BEARER_TOKEN: crmToken,
    ADMIN_PASSWORD: 'Bench-Admin-Password-1',
    SEED_DEMO: 'true',
    CRON_ENABLED: 'false',
    STRIPE_SECRET_KEY: 'sk_test_bench',
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    STRIPE_API_URL: fakeStripe.url,
    SMTP_URL: smtpSink.url,
    // The load comes from one address; per-client limits would measure the limiter, not the routes.
    RATE_LIMIT_ANON_PER_HOUR: '100000000',
    RATE_LIMIT_AUTH_PER_HOUR: '100000000',
    RATE_LIMIT_REGISTRATIONS_PER_HOUR: '100000000',
    RATE_LIMIT_CHAT_PER_MINUTE: '100000000',
  }
  const platform = startChild(['--conditions=production', 'dist/src/main.js'], platformEnv)
  const baseline = startChild(['--import', tsxLoader(root), 'bench/baseline.ts'], {
    PORT: String(baselinePort),
    DATABASE_URL: database.url,
  })
  try {
    await Promise.all([waitForHttp(`http://127.0.0.1:${platformPort}/health`), waitForHttp(`http://127.0.0.1:${baselinePort}/health`)])
    await registerBenchAccount(`http://127.0.0.1:${platformPort}`)
    await seedEvents(database.url, 200)
    const rows: Row[] = []
    for (const scenario of scenarios) {
      rows.push(await measure(scenario, 'platform', `http://127.0.0.1:${platformPort}`, scenario.path))
      if (scenario.baselinePath) rows.push(await measure(scenario, 'baseline', `http://127.0.0.1:${baselinePort}`, scenario.baselinePath))
    }
    // The hashing limit is measured next to the sign-up and sign-in scenarios it is compared with (the
    // machine's load moves during a run).
    const hashCost = await measureHashCost()
    // Sign-ups after the read and sign-in scenarios: their verification emails drain in the background.
    const signUp = await measureSignUp(`http://127.0.0.1:${platformPort}`, duration)
    const loginLatency = await measureLoginLatency(`http://127.0.0.1:${platformPort}`, duration)
    rows.push(signUp, loginLatency)
    const outbox = await measureOutbox(database.url, smtpSink)
    const contention = await measureContention(`http://127.0.0.1:${platformPort}`, database.url, jwtSecret)
    rows.push(contention.row)
    rows.push(...(await measureWebhooks(`http://127.0.0.1:${platformPort}`, webhookSecret, connections, duration)))
    const context = {
      baseUrl: `http://127.0.0.1:${platformPort}`,
      databaseUrl: database.url,
      jwtSecret,
      crmToken,
      root,
      duration,
      connections,
      startExtraPlatform: (env: Record<string, string>) => startExtraPlatform({ ...platformEnv, SEED_DEMO: 'false', ...env }),
    }
    const areas: AreaResult[] = []
    for (const measureArea of areaBenches) {
      const area = await measureArea(context)
      areas.push(area)
      rows.push(...area.rows)
    }
    printTable(rows)
    for (const area of areas) process.stdout.write(area.report)
    process.stdout.write(
      `\nregistrations under contention (one event, ${connections} clients): ${contention.registrationsPerSecond} confirmed/s; seats_taken ${contention.seatsTaken} = confirmed ${contention.confirmed}\n`,
    )
    process.stdout.write(
      `\npassword verification on this machine:\n${hashCost.map((cost) => `  ${cost.scheme.padEnd(40)} ${String(cost.verify_ms_median).padStart(6)} ms median, ${cost.verifies_per_sec_one_core}/s per core`).join('\n')}\n`,
    )
    const hashing = hashingLimit(os.cpus().length, hashCost)
    const figures = hotPathFigures({ rows, hashing, outbox })
    printFigures(figures)
    const results = {
      generated_at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version },
      duration_s: duration,
      connections,
      rows,
      registrations_under_contention: {
        per_second: contention.registrationsPerSecond,
        confirmed: contention.confirmed,
        seats_taken: contention.seatsTaken,
      },
      password_verification: hashCost,
      hashing_limit: hashing,
      hot_paths: figures,
      outbox,
      ...Object.fromEntries(areas.map((area) => [area.name, area.result])),
    }
    await fs.writeFile(path.join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n')
    process.stdout.write(`\nwritten to bench/results.json\n`)
  } finally {
    await Promise.all([stopChild(platform), stopChild(baseline)])
    await fakeStripe.close()
    await smtpSink.close()
    await database.drop()
  }
}

async function measure(scenario: Scenario, target: Row['target'], baseUrl: string, pathname: string): Promise<Row> {
  const clients = scenario.connections ?? connections
  process.stdout.write(`${scenario.name} -> ${target} (${duration}s, ${clients} connections)\n`)
  const result = await autocannon({
    url: `${baseUrl}${pathname}`,
    method: scenario.method,
    headers: scenario.headers,
    body: scenario.body,
    connections: clients,
    duration,
  })
  return toRow(scenario.name, target, result)
}

/**
 * Many members registering for one event at once: every request takes the same event row's seat
 * counter, so this measures the serialised path. Each request carries a different member's token.
 */
async function measureContention(baseUrl: string, databaseUrl: string, jwtSecret: string) {
  const { eventId, tokens } = await seedContention(databaseUrl, jwtSecret, 6000)
  let next = 0
  process.stdout.write(`POST /api/v1/events/{id}/register (contended) -> platform (${duration}s, ${connections} connections)\n`)
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path: `/api/v1/events/${eventId}/register`,
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'content-type': 'application/json', authorization: `Bearer ${tokens[next++ % tokens.length]}` },
          body: '{}',
        }),
      },
    ],
  })
  const counts = await withClient(databaseUrl, (client) =>
    client.query<{ confirmed: string; seats: string }>(
      `SELECT (SELECT count(*) FROM registrations WHERE event_id = $1 AND status = 'confirmed') AS confirmed, (SELECT seats_taken FROM events WHERE id = $1) AS seats`,
      [eventId],
    ),
  )
  const confirmed = Number(counts.rows[0].confirmed)
  const row = toRow('POST /api/v1/events/{id}/register (contended)', 'platform', result)
  return { row, confirmed, seatsTaken: Number(counts.rows[0].seats), registrationsPerSecond: Math.round(confirmed / duration) }
}

async function registerBenchAccount(baseUrl: string): Promise<void> {
  const response = await fetch(`${baseUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_ACCOUNT),
  })
  if (response.status !== 201) throw new Error(`registering the bench account failed: ${response.status} ${await response.text()}`)
}

function printTable(rows: Row[]): void {
  const header = ['scenario', 'target', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx']
  const lines = rows.map((row) =>
    [row.scenario, row.target, row.requests_per_sec, row.p50_ms, row.p99_ms, row.errors, row.non_2xx].map(String),
  )
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)))
  const format = (cells: string[]) =>
    cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ')
  process.stdout.write(`\n${format(header)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}\n${lines.map(format).join('\n')}\n`)
}

async function buildIfNeeded(): Promise<void> {
  const built = path.join(root, 'dist/src/main.js')
  if (existsSync(built) && existsSync(path.join(root, '.next/BUILD_ID')) && (await newestSourceMs()) <= (await fs.stat(built)).mtimeMs)
    return
  process.stdout.write('no production build of the current sources: running npm run build\n')
  const build = spawn('npm', ['run', 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'production' },
  })
  const code = await new Promise((resolve) => build.once('exit', resolve))
  if (code !== 0) throw new Error('npm run build failed')
}

/** When the server's sources last changed, so a stale build is never measured. */
async function newestSourceMs(): Promise<number> {
  let newest = 0
  for (const top of ['src', 'collections', 'endpoints', 'hooks', 'migrations', 'payload.config.ts', 'package-lock.json']) {
    const target = path.join(root, top)
    if (!existsSync(target)) continue
    const entries = (await fs.stat(target)).isDirectory()
      ? (await fs.readdir(target, { recursive: true })).map((entry) => path.join(target, entry))
      : [target]
    for (const entry of entries) newest = Math.max(newest, (await fs.stat(entry)).mtimeMs)
  }
  return newest
}

/** A new, empty database: on BENCH_DATABASE_URL's server when set, else on an embedded server under .data/bench-pg. */
async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const external = process.env.BENCH_DATABASE_URL
  const embedded = external ? undefined : await startEmbeddedPostgres(path.join(root, '.data', 'bench-pg'), () => undefined)
  const serverUrl = external ?? embedded!.url
  const name = `platform_bench_${Date.now()}`
  const url = await ensureDatabase(serverUrl, name)
  return {
    url,
    async drop() {
      await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`))
      await embedded?.stop()
    },
  }
}

/** One more production server on the same database (its own port), for A/B scenarios. */
async function startExtraPlatform(env: Record<string, string>) {
  const port = await freePort()
  const child = startChild(['--conditions=production', 'dist/src/main.js'], { ...env, PORT: String(port) })
  await waitForHttp(`http://127.0.0.1:${port}/health`)
  return { url: `http://127.0.0.1:${port}`, stop: () => stopChild(child) }
}

function startChild(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

await main()
