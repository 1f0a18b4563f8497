import { decodeJwt } from 'jose'
import { withClient } from '../src/lib/db/pgClient.ts'
import { seedContention } from './fixtures.ts'

/**
 * HumanLink scenarios of `npm run bench` (issue 19):
 * - slot race: 50 clients (one member each) book one friend's overlapping slots (one-hour sessions at
 *   half-hour offsets over 20 hours) as fast as they can; every answer must be 201 or 409, and afterwards no
 *   two upcoming sessions of the friend, or of a member, may overlap (limit 0: the exclusion constraints);
 *   the p95 of a booking attempt is reported against 1000 ms;
 * - session list: p95 of GET /api/v1/sessions (page of 20, varied filters and orderings) for a member with
 *   2,000 sessions, 4 clients (limit 50 ms).
 */
export type HumanlinkBench = {
  slot_race: {
    clients: number
    attempts: number
    booked: number
    conflicts: number
    other_answers: number
    other_statuses: Record<string, number>
    overlaps: number
    limit_overlaps: number
    attempts_per_s: number
    p95_ms: number
    limit_p95_ms: number
    pass: boolean
  }
  session_list: { sessions: number; requests: number; p50_ms: number; p95_ms: number; limit_p95_ms: number; pass: boolean }
}

const CLIENTS = 50
const ATTEMPTS = 1000
const SLOTS = 40
const LIST_SESSIONS = 2000
const LISTS = 1000
const LIST_CLIENTS = 4

export async function measureHumanlink(baseUrl: string, databaseUrl: string, jwtSecret: string): Promise<HumanlinkBench> {
  // One member more than the racers: the list's member has no race sessions in the way of its own.
  const { tokens } = await seedContention(databaseUrl, jwtSecret, CLIENTS + 1)
  const listToken = tokens.pop()!
  const [friendId, listFriendId] = await withClient(databaseUrl, async (client) => [await seedFriend(client), await seedFriend(client)])
  process.stdout.write(
    `POST /api/v1/sessions, ${SLOTS} overlapping slots of one friend -> platform (${ATTEMPTS} attempts, ${CLIENTS} clients)\n`,
  )
  const slotRace = await raceForSlots(baseUrl, databaseUrl, tokens, friendId)
  const listUser = Number(decodeJwt(listToken).sub)
  await withClient(databaseUrl, (client) => seedSessions(client, listUser, listFriendId))
  process.stdout.write(
    `GET /api/v1/sessions over ${LIST_SESSIONS} sessions of one member -> platform (${LISTS} requests, ${LIST_CLIENTS} clients)\n`,
  )
  const sessionList = await listSessions(baseUrl, listToken)
  return { slot_race: slotRace, session_list: sessionList }
}

type Client = { query: (text: string, values?: unknown[]) => Promise<{ rows: { id: number }[] }> }

/** A friend available every day, all day, free (the race measures the booking path, not Stripe). */
async function seedFriend(client: Client): Promise<number> {
  const { rows } = await client.query(
    `INSERT INTO users (email, first_name, is_active, is_verified, updated_at, created_at)
     VALUES ('friend-' || gen_random_uuid() || '@bench.test', 'Bench friend', true, true, now(), now()) RETURNING id`,
  )
  const id = rows[0].id
  await client.query(`INSERT INTO users_roles ("order", parent_id, value) VALUES (1, $1, 'facilitator')`, [id])
  const always = JSON.stringify(Array.from({ length: 7 }, (_, weekday) => ({ weekday, start: '00:00', end: '24:00' })))
  await client.query(
    `INSERT INTO friend_profiles (user_id, rate_cents, currency, timezone, availability, rating_count) VALUES ($1, 0, 'USD', 'UTC', $2::jsonb, 0)`,
    [id, always],
  )
  return id
}

async function raceForSlots(
  baseUrl: string,
  databaseUrl: string,
  tokens: string[],
  friendId: number,
): Promise<HumanlinkBench['slot_race']> {
  // Midnight UTC a week ahead: the 20 hours of slots stay within one day of the friend's calendar.
  const base = new Date(Date.now() + 7 * 86_400_000)
  base.setUTCHours(0, 0, 0, 0)
  const latencies: number[] = []
  const statuses = new Map<number, number>()
  let next = 0
  const started = performance.now()
  const worker = async (token: string) => {
    while (next < ATTEMPTS) {
      const n = next++
      const scheduledAt = new Date(base.getTime() + ((n * 7) % SLOTS) * 30 * 60_000).toISOString()
      const begun = performance.now()
      const res = await fetch(`${baseUrl}/api/v1/sessions/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ friend_id: friendId, type: 'video', scheduled_at: scheduledAt, duration_minutes: 60 }),
      })
      await res.arrayBuffer()
      latencies.push(performance.now() - begun)
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
    }
  }
  await Promise.all(tokens.map(worker))
  const seconds = (performance.now() - started) / 1000
  const overlaps = await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM friend_sessions a JOIN friend_sessions b ON a.id < b.id
       WHERE a.status = 'upcoming' AND b.status = 'upcoming' AND (a.friend_id = b.friend_id OR a.user_id = b.user_id)
         AND tstzrange(a.scheduled_at, a.ends_at, '[)') && tstzrange(b.scheduled_at, b.ends_at, '[)')`,
    )
    return rows[0].n
  })
  const booked = statuses.get(201) ?? 0
  const conflicts = statuses.get(409) ?? 0
  const p95 = percentile(latencies, 0.95)
  return {
    clients: tokens.length,
    attempts: ATTEMPTS,
    booked,
    conflicts,
    other_answers: ATTEMPTS - booked - conflicts,
    other_statuses: Object.fromEntries([...statuses].filter(([status]) => status !== 201 && status !== 409)),
    overlaps,
    limit_overlaps: 0,
    attempts_per_s: Math.round(ATTEMPTS / seconds),
    p95_ms: p95,
    limit_p95_ms: 1000,
    pass: overlaps === 0 && booked + conflicts === ATTEMPTS && p95 <= 1000,
  }
}

/** 2,000 back-to-back sessions of one member (past ones completed), a quarter of each type. */
async function seedSessions(client: Client, userId: number, friendId: number): Promise<void> {
  await client.query(
    `INSERT INTO friend_sessions (user_id, friend_id, type, scheduled_at, ends_at, duration_minutes, price_cents, currency, status, payment_status, late_cancellation)
     SELECT $1, $2, (ARRAY['text', 'voice', 'video'])[1 + n % 3]::enum_friend_sessions_type,
       now() + ((n - 1000) || ' hours')::interval, now() + ((n - 1000) || ' hours')::interval + interval '1 hour', 60, 0, 'USD',
       CASE WHEN n < 1000 THEN 'completed' ELSE 'upcoming' END::enum_friend_sessions_status, 'not_required', false
     FROM generate_series(1, $3) AS n`,
    [userId, friendId, LIST_SESSIONS],
  )
  await client.query('ANALYZE friend_sessions')
}

async function listSessions(baseUrl: string, token: string): Promise<HumanlinkBench['session_list']> {
  const queries = [
    '',
    'status=upcoming',
    'type=voice&ordering=-scheduled_at',
    'date_after=2020-01-01&status=completed',
    'page=5&page_size=20',
  ]
  const latencies: number[] = []
  let failures = 0
  let next = 0
  const worker = async () => {
    while (next < LISTS) {
      const n = next++
      const begun = performance.now()
      const res = await fetch(`${baseUrl}/api/v1/sessions/?${queries[n % queries.length]}`, {
        headers: { authorization: `Bearer ${token}` },
      })
      await res.arrayBuffer()
      latencies.push(performance.now() - begun)
      if (res.status !== 200) failures += 1
    }
  }
  await Promise.all(Array.from({ length: LIST_CLIENTS }, worker))
  if (failures > 0) throw new Error(`${failures} session lists failed`)
  const p95 = percentile(latencies, 0.95)
  return { sessions: LIST_SESSIONS, requests: LISTS, p50_ms: percentile(latencies, 0.5), p95_ms: p95, limit_p95_ms: 50, pass: p95 <= 50 }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] * 10) / 10
}

export function humanlinkReport({ slot_race: race, session_list: list }: HumanlinkBench): string {
  const verdict = (pass: boolean) => (pass ? 'ok' : 'OVER LIMIT')
  const ratio = (value: number, limit: number) => (limit === 0 ? String(value) : (value / limit).toFixed(2))
  return (
    `\nslot race (${race.clients} clients, ${race.attempts} attempts on ${SLOTS} overlapping slots): ${race.booked} booked, ` +
    `${race.conflicts} refused with 409, ${race.other_answers} other answers ${JSON.stringify(race.other_statuses)}; overlapping upcoming sessions ${race.overlaps} ` +
    `(limit ${race.limit_overlaps}); ${race.attempts_per_s} attempts/s, p95 ${race.p95_ms} ms (limit ${race.limit_p95_ms} ms, ratio ` +
    `${ratio(race.p95_ms, race.limit_p95_ms)}): ${verdict(race.pass)}\n` +
    `session list over ${list.sessions} sessions (${list.requests} requests): p50 ${list.p50_ms} ms, p95 ${list.p95_ms} ms ` +
    `(limit ${list.limit_p95_ms} ms, ratio ${ratio(list.p95_ms, list.limit_p95_ms)}): ${verdict(list.pass)}\n`
  )
}
