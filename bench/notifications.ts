import { spawn } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import autocannon from 'autocannon'
import { decodeJwt } from 'jose'
import { io, type Socket } from 'socket.io-client'
import { freePort } from '../src/lib/db/embeddedPostgres.ts'
import { withClient } from '../src/lib/db/pgClient.ts'
import { seedContention } from './fixtures.ts'
import { tsxLoader, waitForHttp } from './processes.ts'

/**
 * Notification scenarios of `npm run bench` (issue 10):
 * - inbox: p99 of GET /api/v1/communications/notifications/ for a user with 10,000 notifications, against
 *   the same two queries answered by a raw node:http + pg handler in the same run (limit 2x);
 * - push: notify() commit to a connected socket.io client with 1,000 sockets connected (p99 < 50 ms),
 *   measured from the notification's created_at (its transaction's start, so a little more than from the
 *   commit) to its arrival;
 * - digest: the daily digest of 100,000 users with 10 pending notifications each, composed and enqueued
 *   by the real job in a process of its own (<= 60 s).
 */
export type NotificationsBench = {
  inbox: { notifications: number; platform_p99_ms: number; raw_pg_p99_ms: number; ratio: number; limit_ratio: number; pass: boolean }
  push: { sockets: number; samples: number; p50_ms: number; p99_ms: number; limit_p99_ms: number; pass: boolean }
  digest: { users: number; notifications: number; digests: number; seconds: number; limit_seconds: number; pass: boolean }
}

const INBOX_SIZE = 10_000
const SOCKETS = 1000
const PUSHES = 300
const DIGEST_USERS = 100_000
const PER_USER = 10
const duration = Number(process.env.BENCH_DURATION ?? 10)

export async function measureNotifications(
  baseUrl: string,
  databaseUrl: string,
  jwtSecret: string,
  root: string,
): Promise<NotificationsBench> {
  const inbox = await measureInbox(baseUrl, databaseUrl, jwtSecret, root)
  const push = await measurePush(baseUrl, databaseUrl, jwtSecret)
  const digest = await measureDigest(databaseUrl, root)
  return { inbox, push, digest }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
const round = (value: number) => Math.round(value * 100) / 100

async function measureInbox(baseUrl: string, databaseUrl: string, jwtSecret: string, root: string): Promise<NotificationsBench['inbox']> {
  const { tokens } = await seedContention(databaseUrl, jwtSecret, 1)
  const userId = Number(decodeJwt(tokens[0]).sub)
  await withClient(databaseUrl, (client) =>
    client.query(
      `INSERT INTO notifications (notification_id, recipient_id, type_id, title, message, priority, is_read, in_app, created_at, updated_at)
       SELECT gen_random_uuid()::text, $1, (SELECT id FROM notification_types WHERE code = 'info'), 'Bench notification ' || n,
         'Generated for the benchmark', (ARRAY['low', 'medium', 'high'])[n % 3 + 1]::enum_notifications_priority, n % 4 = 0, true,
         now() - make_interval(secs => n), now()
       FROM generate_series(1, $2) AS n`,
      [userId, INBOX_SIZE],
    ),
  )
  const rawPort = await freePort()
  const raw = spawn(process.execPath, ['--import', tsxLoader(root), 'bench/rawInbox.ts'], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', PORT: String(rawPort), DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  try {
    const rawUrl = `http://127.0.0.1:${rawPort}/?user=${userId}`
    await waitForHttp(rawUrl, 10_000)
    const platform = { url: `${baseUrl}/api/v1/communications/notifications/`, headers: { authorization: `Bearer ${tokens[0]}` } }
    process.stdout.write(
      `GET /api/v1/communications/notifications/ (${INBOX_SIZE} notifications) -> platform and raw pg (${duration}s each)\n`,
    )
    const run = (url: string, headers: Record<string, string> = {}) => autocannon({ url, headers, connections: 10, duration })
    await run(platform.url, platform.headers) // warm-up (JIT, caches), not counted
    const platformP99 = (await run(platform.url, platform.headers)).latency.p99
    const rawP99 = (await run(rawUrl)).latency.p99
    const ratio = round(platformP99 / rawP99)
    return { notifications: INBOX_SIZE, platform_p99_ms: platformP99, raw_pg_p99_ms: rawP99, ratio, limit_ratio: 2, pass: ratio <= 2 }
  } finally {
    raw.kill('SIGTERM')
  }
}

async function measurePush(baseUrl: string, databaseUrl: string, jwtSecret: string): Promise<NotificationsBench['push']> {
  const { tokens } = await seedContention(databaseUrl, jwtSecret, SOCKETS)
  process.stdout.write(`push: notify() -> socket.io client, ${SOCKETS} sockets connected, ${PUSHES} notifications\n`)
  const sockets: Socket[] = []
  const latencies: number[] = []
  const waiting = new Map<string, () => void>()
  try {
    for (let start = 0; start < tokens.length; start += 100) {
      const batch = tokens.slice(start, start + 100).map(
        (token) =>
          new Promise<void>((resolve, reject) => {
            const socket = io(baseUrl, {
              path: '/socket.io',
              transports: ['websocket'],
              auth: { token },
              reconnection: false,
              forceNew: true,
            })
            sockets.push(socket)
            socket.on('notification:new', (data: { title: string; created_at: string }) => {
              latencies.push(Date.now() - Date.parse(data.created_at))
              waiting.get(data.title)?.()
            })
            socket.once('ready', () => resolve())
            socket.once('connect_error', reject)
          }),
      )
      await Promise.all(batch)
    }
    await sleep(1000) // let every connection's initial sync settle
    for (let sample = 0; sample < PUSHES; sample++) {
      const title = `push ${sample}`
      const arrived = new Promise<void>((resolve) => waiting.set(title, resolve))
      const response = await fetch(`${baseUrl}/api/v1/notify/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[(sample * 7919) % tokens.length]}` },
        body: JSON.stringify({ title, notification_type: 'info' }),
      })
      if (response.status !== 201) throw new Error(`notify/send answered ${response.status}: ${await response.text()}`)
      await Promise.race([arrived, sleep(5000)])
      waiting.delete(title)
    }
  } finally {
    for (const socket of sockets) socket.disconnect()
  }
  if (latencies.length < PUSHES) throw new Error(`only ${latencies.length} of ${PUSHES} pushes arrived`)
  const sorted = [...latencies].sort((a, b) => a - b)
  const p99 = percentile(sorted, 99)
  return { sockets: SOCKETS, samples: sorted.length, p50_ms: percentile(sorted, 50), p99_ms: p99, limit_p99_ms: 50, pass: p99 < 50 }
}

async function measureDigest(databaseUrl: string, root: string): Promise<NotificationsBench['digest']> {
  process.stdout.write(`daily digest: seeding ${DIGEST_USERS} users with ${PER_USER} pending notifications each\n`)
  await withClient(databaseUrl, async (client) => {
    // Four time zones, all past their 08:00 at NOW below; notifications from the day before.
    await client.query(
      `WITH u AS (
         INSERT INTO users (email, timezone, is_active, is_verified, updated_at, created_at)
         SELECT 'digest-' || n || '@bench.test', (ARRAY['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo'])[n % 4 + 1], true, true, now(), now()
         FROM generate_series(1, $1) AS n RETURNING id
       )
       INSERT INTO notifications (notification_id, recipient_id, type_id, title, message, priority, is_read, in_app, created_at, updated_at)
       SELECT gen_random_uuid()::text, u.id, (SELECT id FROM notification_types WHERE code = 'project_update'), 'Project update ' || k,
         'A project you follow posted update number ' || k, 'medium', false, true, $2::timestamptz - interval '2 days', now()
       FROM u CROSS JOIN generate_series(1, $3) AS k`,
      [DIGEST_USERS, '2030-01-15T12:00:00Z', PER_USER],
    )
    await client.query('ANALYZE notifications; ANALYZE users')
  })
  process.stdout.write(`daily digest: composing and enqueueing (the job, in its own process)\n`)
  const child = spawn(process.execPath, ['--conditions=development', '--import', tsxLoader(root), 'bench/digestJob.ts'], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: databaseUrl, NOW: '2030-01-15T12:00:00Z', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const code = await new Promise((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`the digest job exited with ${String(code)}`)
  const { digests, seconds } = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { digests: number; seconds: number }
  // The server's outbox worker would now send 100,000 emails; they are not what is measured.
  await withClient(databaseUrl, (client) => client.query(`DELETE FROM outbox WHERE priority = 'bulk' AND status = 'pending'`))
  return { users: DIGEST_USERS, notifications: DIGEST_USERS * PER_USER, digests, seconds, limit_seconds: 60, pass: seconds <= 60 }
}

/** The notifications section of the bench report: each figure with its limit and ratio. */
export function notificationsReport({ inbox, push, digest }: NotificationsBench): string {
  const verdict = (pass: boolean) => (pass ? 'ok' : 'OVER LIMIT')
  return (
    `\nnotifications:\n` +
    `  GET communications/notifications/ p99 (${inbox.notifications} for one user): ${inbox.platform_p99_ms} ms vs raw pg ${inbox.raw_pg_p99_ms} ms = ${inbox.ratio}x (limit ${inbox.limit_ratio}x) ${verdict(inbox.pass)}\n` +
    `  push notify() -> client p99 (${push.sockets} sockets, ${push.samples} pushes): ${push.p99_ms} ms, p50 ${push.p50_ms} ms (limit < ${push.limit_p99_ms} ms) ${verdict(push.pass)}\n` +
    `  daily digest (${digest.users} users x ${digest.notifications / digest.users}): ${digest.digests} digests in ${digest.seconds} s (limit ${digest.limit_seconds} s, ${round(digest.seconds / digest.limit_seconds)} of it) ${verdict(digest.pass)}\n`
  )
}
