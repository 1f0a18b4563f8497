import http from 'node:http'
import pg from 'pg'

/**
 * The inbox yardstick: node:http + pg answering GET /?user=ID with the platform's two inbox queries (the
 * count and the newest 20 with their type, on the same index) and a DRF-style page, nothing else in the
 * path. Serves DATABASE_URL's notifications on PORT.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 })
const VISIBLE = `n.recipient_id = $1 AND n.in_app AND (n.expires_at IS NULL OR n.expires_at > now())`
const FROM = `FROM notifications n JOIN notification_types t ON t.id = n.type_id WHERE ${VISIBLE}`

http
  .createServer(async (req, res) => {
    const user = Number(new URL(req.url ?? '/', 'http://raw').searchParams.get('user'))
    const [count, page] = await Promise.all([
      pool.query<{ total: number }>(`SELECT count(*)::int AS total ${FROM}`, [user]),
      pool.query(
        `SELECT n.id, n.notification_id, n.title, n.message, n.priority, n.is_read, n.read_at, n.actor_type, n.actor_user_id,
           n.actor_investor_id, n.actor_display_name, n.redirect, n.action_url, n.metadata, n.created_at, n.updated_at, n.expires_at,
           t.id AS type_id, t.code AS type_code, t.name AS type_name, t.description AS type_description, t.is_active AS type_is_active
         ${FROM} ORDER BY n.created_at DESC, n.id DESC LIMIT 20 OFFSET 0`,
        [user],
      ),
    ])
    const total = count.rows[0].total
    const body = JSON.stringify({
      count: total,
      next: total > 20 ? `http://${req.headers.host}/?user=${user}&page=2` : null,
      previous: null,
      results: page.rows,
    })
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
    res.end(body)
  })
  .listen(Number(process.env.PORT))
