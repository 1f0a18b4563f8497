import { withClient } from '../src/lib/db/pgClient.ts'
import { seedContention } from './fixtures.ts'

/**
 * CRM scenarios of `npm run bench` (issue 12):
 * - delivery: 200 bookings made in parallel through POST /api/v1/bookings (20 clients) reach the CRM
 *   through the outbox: exactly one CRM row each, all of them within 10 s of the last booking's answer
 *   (the burst's catch-up); the lag of each (registrations.created_at -> crm_bookings.received_at) is reported;
 * - list: p95 of GET /api/v1/crm/bookings filtered by facilitator and stage over 20,000 bookings (limit 50 ms);
 * - statistics: p95 of GET /api/v1/crm/facilitators/{id}/bookings (counts and exact time-in-stage medians
 *   over that facilitator's 2,000 bookings and 6,000 history rows; limit 100 ms).
 */
export type CrmBench = {
  delivery: {
    bookings: number
    crm_rows: number
    catch_up_ms: number
    limit_catch_up_ms: number
    lag_p50_ms: number
    lag_p95_ms: number
    pass: boolean
  }
  list: Latency
  statistics: Latency
}
type Latency = { rows: number; requests: number; p50_ms: number; p95_ms: number; limit_p95_ms: number; pass: boolean }

const BOOKINGS = 200
const CLIENTS = 20
const ROWS = 20_000
const FACILITATORS = 10
const REQUESTS = 500
const READERS = 4
const FACILITATOR_BASE = 880_000
const CATCH_UP_LIMIT_MS = 10_000

export async function measureCrm(baseUrl: string, databaseUrl: string, jwtSecret: string, crmToken: string): Promise<CrmBench> {
  process.stdout.write(`CRM: ${BOOKINGS} parallel bookings -> outbox -> crm-bookings\n`)
  const delivery = await measureDelivery(baseUrl, databaseUrl, jwtSecret)
  await seedCrmRows(databaseUrl)
  const auth = { authorization: `Bearer ${crmToken}` }
  process.stdout.write(`CRM: GET /api/v1/crm/bookings and facilitators/{id}/bookings over ${ROWS} bookings\n`)
  const list = await latency(ROWS, 50, (n) =>
    fetchOk(
      `${baseUrl}/api/v1/crm/bookings?facilitator_id=${FACILITATOR_BASE + (n % FACILITATORS)}&crm_status=${n % 2 ? 'new' : 'contacted'}&per_page=50&page=${1 + (n % 3)}`,
      auth,
    ),
  )
  const statistics = await latency(ROWS, 100, (n) =>
    fetchOk(`${baseUrl}/api/v1/crm/facilitators/${FACILITATOR_BASE + (n % FACILITATORS)}/bookings`, auth),
  )
  return { delivery, list, statistics }
}

async function measureDelivery(baseUrl: string, databaseUrl: string, jwtSecret: string): Promise<CrmBench['delivery']> {
  const { eventId, tokens } = await seedContention(databaseUrl, jwtSecret, BOOKINGS)
  let next = 0
  const ids: number[] = []
  const client = async () => {
    while (next < tokens.length) {
      const token = tokens[next++]
      const res = await fetch(`${baseUrl}/api/v1/bookings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ event_id: eventId }),
      })
      const body = (await res.json()) as { booking?: { id: number }; crm_notified?: boolean }
      if (res.status !== 201 || body.crm_notified !== true || !body.booking) throw new Error(`booking failed: ${res.status}`)
      ids.push(body.booking.id)
    }
  }
  await Promise.all(Array.from({ length: CLIENTS }, client))
  const answered = performance.now()
  const deadline = Date.now() + 60_000
  for (;;) {
    const rows = await crmLags(databaseUrl, ids)
    if (rows.length === ids.length || Date.now() > deadline) {
      const lags = rows.map((row) => row.lag_ms).sort((a, b) => a - b)
      const catchUp = Math.round(performance.now() - answered)
      const exact = rows.length === ids.length && new Set(rows.map((row) => row.booking_id)).size === ids.length
      return {
        bookings: ids.length,
        crm_rows: rows.length,
        catch_up_ms: catchUp,
        limit_catch_up_ms: CATCH_UP_LIMIT_MS,
        lag_p50_ms: percentile(lags, 0.5),
        lag_p95_ms: percentile(lags, 0.95),
        pass: exact && catchUp <= CATCH_UP_LIMIT_MS,
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

const crmLags = (databaseUrl: string, ids: number[]) =>
  withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ booking_id: number; lag_ms: number }>(
      `SELECT b.booking_id::int AS booking_id, extract(epoch FROM b.received_at - r.created_at)::float8 * 1000 AS lag_ms
       FROM crm_bookings b JOIN registrations r ON r.id = b.registration_id WHERE b.source = 'platform' AND r.id = ANY($1::int[])`,
      [ids],
    )
    return rows
  })

/** 20,000 external bookings over 10 facilitators, each with an arrival and two moves in its history. */
async function seedCrmRows(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    await client.query(
      `WITH inserted AS (
         INSERT INTO crm_bookings (source, booking_id, user_id, user_email, user_name, event_id, event_title, event_type, facilitator_id,
           received_at, status, crm_status, delivery_attempts, updated_at, created_at)
         SELECT 'external', 5000000 + n, n % 3000, 'u' || (n % 3000) || '@bench.test', 'User ' || n, n % 400, 'Event ' || (n % 400),
           (ARRAY['session', 'retreat'])[n % 2 + 1], $1::int + n % $2::int, now() - (n || ' minutes')::interval, 'received',
           (ARRAY['new', 'contacted'])[(n / 10) % 2 + 1]::enum_crm_bookings_crm_status, 0, now(), now()
         FROM generate_series(1, $3::int) AS n
         RETURNING id, received_at)
       INSERT INTO crm_status_changes (crm_booking_id, from_status, to_status, actor, changed_at)
       SELECT id, s.from_status::enum_crm_status_changes_from_status, s.to_status::enum_crm_status_changes_to_status, 'system',
         received_at + s.after * (1 + id % 17) * interval '1 minute'
       FROM inserted CROSS JOIN (VALUES (NULL, 'new', 0), ('new', 'reviewed', 1), ('reviewed', 'contacted', 3)) AS s(from_status, to_status, after)`,
      [FACILITATOR_BASE, FACILITATORS, ROWS],
    )
    await client.query('ANALYZE crm_bookings; ANALYZE crm_status_changes')
  })
}

async function fetchOk(url: string, headers: Record<string, string>): Promise<void> {
  const res = await fetch(url, { headers })
  await res.arrayBuffer()
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`)
}

async function latency(rows: number, limit: number, request: (n: number) => Promise<void>): Promise<Latency> {
  const latencies: number[] = []
  let next = 0
  const reader = async () => {
    while (next < REQUESTS) {
      const n = next++
      const started = performance.now()
      await request(n)
      latencies.push(performance.now() - started)
    }
  }
  await Promise.all(Array.from({ length: READERS }, reader))
  latencies.sort((a, b) => a - b)
  const p95 = percentile(latencies, 0.95)
  return { rows, requests: REQUESTS, p50_ms: percentile(latencies, 0.5), p95_ms: p95, limit_p95_ms: limit, pass: p95 <= limit }
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? Number.NaN : Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] * 10) / 10

export function crmReport({ delivery, list, statistics }: CrmBench): string {
  const verdict = (pass: boolean) => (pass ? 'ok' : 'OVER LIMIT')
  const ratio = (value: number, limit: number) => Math.round((value / limit) * 100) / 100
  return (
    `\nCRM delivery: ${delivery.bookings} bookings -> ${delivery.crm_rows} CRM rows, all in ${delivery.catch_up_ms} ms after the last answer ` +
    `(limit ${delivery.limit_catch_up_ms} ms, ratio ${ratio(delivery.catch_up_ms, delivery.limit_catch_up_ms)}: ${verdict(delivery.pass)}); ` +
    `lag per booking p50 ${delivery.lag_p50_ms} ms, p95 ${delivery.lag_p95_ms} ms\n` +
    `CRM list over ${list.rows} bookings: p50 ${list.p50_ms} ms, p95 ${list.p95_ms} ms (limit ${list.limit_p95_ms} ms, ratio ${ratio(list.p95_ms, list.limit_p95_ms)}: ${verdict(list.pass)})\n` +
    `CRM facilitator statistics + time in stage: p50 ${statistics.p50_ms} ms, p95 ${statistics.p95_ms} ms ` +
    `(limit ${statistics.limit_p95_ms} ms, ratio ${ratio(statistics.p95_ms, statistics.limit_p95_ms)}: ${verdict(statistics.pass)})\n`
  )
}
