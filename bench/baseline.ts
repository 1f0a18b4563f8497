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

const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('baseline ready\n'))
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))))
