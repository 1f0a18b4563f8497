import express from 'express'
import pg from 'pg'

/**
 * The yardstick: a bare express + pg server answering the benchmarked routes with the same SQL as the
 * platform, on the same database, with nothing else in the path (no logging, helmet, CORS, Payload).
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 })
const app = express()
app.disable('x-powered-by')

app.get('/health', async (_req, res) => {
  await pool.query('SELECT 1')
  res.json({ status: 'healthy', database: 'connected' })
})

app.get('/api/v1/system/health', async (_req, res) => {
  await pool.query('SELECT 1')
  res.json({ status: 'healthy', version: '1.0.0', uptime: process.uptime(), timestamp: new Date().toISOString() })
})

// Event types change rarely; the platform caches them too.
let types: Map<number, string> | undefined

/** GET /api/v1/events?limit=N: the count, the page and the page's facilitators, as the platform queries them. */
app.get('/api/v1/events', async (req, res) => {
  const limit = Math.min(100, Number(req.query.limit ?? 20))
  types ??= new Map((await pool.query<{ id: number; key: string }>('SELECT id, key FROM event_types')).rows.map((row) => [row.id, row.key]))
  const where = `is_published = true AND status = 'active'`
  const [count, page] = await Promise.all([
    pool.query<{ n: string }>(`SELECT count(*) AS n FROM events WHERE ${where}`),
    pool.query(
      `SELECT id, name, description_text, event_type_id, facilitator_id, start_datetime, end_datetime, timezone, location_name, location_city,
         location_country, location, virtual_link, max_attendees, seats_taken, price_cents, currency, requirements, image_url, is_published,
         status, created_at
       FROM events WHERE ${where} ORDER BY start_datetime LIMIT $1 OFFSET 0`,
      [limit],
    ),
  ])
  const facilitatorIds = [...new Set(page.rows.map((row) => row.facilitator_id).filter(Boolean))]
  const facilitators = facilitatorIds.length
    ? new Map(
        (await pool.query('SELECT id, name, bio FROM facilitators WHERE id = ANY($1)', [facilitatorIds])).rows.map((row) => [row.id, row]),
      )
    : new Map()
  const total = Number(count.rows[0].n)
  const events = page.rows.map((row) => {
    const max = Number(row.max_attendees)
    const taken = Number(row.seats_taken)
    const left = max === 0 ? null : Math.max(0, max - taken)
    return {
      id: row.id,
      name: row.name,
      title: row.name,
      description: row.description_text ?? '',
      event_type: types?.get(row.event_type_id) ?? null,
      facilitator: facilitators.get(row.facilitator_id) ?? null,
      location_name: row.location_name,
      location_city: row.location_city,
      location_country: row.location_country,
      start_datetime: new Date(row.start_datetime).toISOString(),
      end_datetime: new Date(row.end_datetime).toISOString(),
      max_attendees: max,
      registration_count: taken,
      spots_remaining: left,
      is_full: max > 0 && taken >= max,
      price_cents: Number(row.price_cents),
      price: Number(row.price_cents) / 100,
      currency: row.currency,
      status: row.status,
    }
  })
  const pages = Math.max(1, Math.ceil(total / limit))
  res.json({ events, total, page: 1, pages, pagination: { page: 1, pages, per_page: limit, total, has_next: pages > 1, has_prev: false } })
})

const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('baseline ready\n'))
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))))
