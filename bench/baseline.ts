import http from 'node:http'
import pg from 'pg'
import { serializeEvent } from '../endpoints/v1/events/serialize.ts'
import { EVENT_RECORD_COLUMNS, toEventRecord, type EventRow } from '../src/domain/events/eventRecord.ts'
import type { EventType } from '../src/payload-types.ts'

/**
 * The yardstick: a raw node:http + pg server answering the benchmarked routes with the same SQL as the
 * platform (the statements listEvents and serializeEvents issue, character for character) and the same
 * serializer, on the same database, with nothing else in the path: no framework, logging, helmet, CORS,
 * rate limit or Payload. What the platform costs beyond this is its own overhead.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 })

// Event types change rarely; the platform caches them too.
let types: EventType[] | undefined

/** GET /api/v1/events?limit=N: the page with its total (one window query), then the page's facilitators. */
async function listEvents(limit: number) {
  types ??= (await pool.query<EventType>('SELECT id, key FROM event_types ORDER BY value')).rows
  const { rows } = await pool.query<EventRow & { total: string }>(
    `SELECT ${EVENT_RECORD_COLUMNS}, count(*) OVER () AS total FROM events WHERE is_published = true AND status = $1
     ORDER BY start_datetime, id LIMIT $2 OFFSET $3`,
    ['active', limit, 0],
  )
  const events = rows.map(toEventRecord)
  const wanted = [...new Set(events.map((event) => event.facilitator).filter((id): id is number => typeof id === 'number'))]
  const facilitators = wanted.length
    ? new Map(
        (
          await pool.query<{ id: number; name: string; bio: string | null }>(
            'SELECT id, name, bio FROM facilitators WHERE id = ANY($1::int[])',
            [wanted],
          )
        ).rows.map((row) => [row.id, row]),
      )
    : new Map()
  const total = rows[0] ? Number(rows[0].total) : 0
  const pages = Math.max(1, Math.ceil(total / limit))
  return {
    events: events.map((event) =>
      serializeEvent(
        event,
        types?.find((type) => type.id === event.event_type),
        typeof event.facilitator === 'number' ? facilitators.get(event.facilitator) : undefined,
      ),
    ),
    total,
    page: 1,
    pages,
    pagination: { page: 1, pages, per_page: limit, total, has_next: pages > 1, has_prev: false },
  }
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost')
  const answer = async () => {
    if (url.pathname === '/health') {
      await pool.query('SELECT 1')
      return json(res, 200, { status: 'healthy', database: 'connected' })
    }
    if (url.pathname === '/api/v1/system/health') {
      await pool.query('SELECT 1')
      return json(res, 200, { status: 'healthy', version: '1.0.0', uptime: process.uptime(), timestamp: new Date().toISOString() })
    }
    if (url.pathname === '/api/v1/events')
      return json(res, 200, await listEvents(Math.min(100, Number(url.searchParams.get('limit') ?? 20))))
    json(res, 404, { detail: 'Not found' })
  }
  answer().catch((error: Error) => json(res, 500, { detail: error.message }))
})

server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('baseline ready\n'))
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))))
