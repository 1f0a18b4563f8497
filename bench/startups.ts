import http from 'node:http'
import autocannon from 'autocannon'
import pg from 'pg'
import { withClient } from '../src/lib/db/pgClient.ts'
import { PROJECT_VIEW_COLUMN_LIST } from '../src/domain/startups/projectView.ts'
import { toRow, type Row } from './rows.ts'

/**
 * Startups scenario of `npm run bench` (issue 11): GET /api/v1/projects/ over 10,000 projects with filters
 * (status, category, ordering, a page of 20), against a raw node:http + pg handler in this process that
 * runs the same statement (the platform's projectListQuery for an anonymous caller) and serializes the
 * same body. The platform must reach at least 0.6x the raw handler's requests per second.
 */
export type StartupsBench = { projects: number; platform: Row; raw_pg: Row; ratio: number; limit_ratio: number; pass: boolean }

const PROJECTS = 10_000
const CATEGORIES = 10
const LIMIT_RATIO = 0.6
const QUERY = 'status=active&category=3&ordering=-created_at&page_size=20'

export async function measureStartups(baseUrl: string, databaseUrl: string, duration: number, connections: number): Promise<StartupsBench> {
  const categoryId = await seedProjects(databaseUrl)
  const query = QUERY.replace('category=3', `category=${categoryId}`)
  const raw = await startRawHandler(databaseUrl, connections)
  try {
    const run = async (url: string, target: Row['target'], name: string) => {
      process.stdout.write(
        `GET /api/v1/projects/?${query} over ${PROJECTS} projects -> ${name} (${duration}s, ${connections} connections)\n`,
      )
      return toRow('GET /api/v1/projects/ (10k, filtered)', target, await autocannon({ url, connections, duration }))
    }
    const platform = await run(`${baseUrl}/api/v1/projects/?${query}`, 'platform', 'platform')
    const rawPg = await run(`${raw.url}/api/v1/projects/?${query}`, 'baseline', 'raw pg handler')
    if (platform.non_2xx + platform.errors > 0 || rawPg.non_2xx + rawPg.errors > 0) throw new Error('projects list answered errors')
    const ratio = Math.round((platform.requests_per_sec / Math.max(1, rawPg.requests_per_sec)) * 100) / 100
    return { projects: PROJECTS, platform, raw_pg: rawPg, ratio, limit_ratio: LIMIT_RATIO, pass: ratio >= LIMIT_RATIO }
  } finally {
    await raw.close()
  }
}

export function startupsReport(bench: StartupsBench): string {
  return (
    `\nprojects list over ${bench.projects} projects: platform ${bench.platform.requests_per_sec} req/s, raw pg ${bench.raw_pg.requests_per_sec} req/s, ` +
    `ratio ${bench.ratio} (limit ${bench.limit_ratio}: ${bench.pass ? 'ok' : 'UNDER LIMIT'})\n`
  )
}

/** 10,000 projects of 50 startups, in 10 categories, a quarter of them drafts; returns a category to filter by. */
async function seedProjects(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    await client.query(`INSERT INTO startups (company_name, description, updated_at, created_at)
      SELECT 'Bench startup ' || n, 'Bench', now(), now() FROM generate_series(1, 50) n ON CONFLICT DO NOTHING`)
    await client.query(`INSERT INTO project_categories (name, updated_at, created_at)
      SELECT 'Bench category ' || n, now(), now() FROM generate_series(1, ${CATEGORIES}) n ON CONFLICT DO NOTHING`)
    const categories = (
      await client.query<{ id: number }>(`SELECT id FROM project_categories WHERE name LIKE 'Bench category %' ORDER BY id`)
    ).rows
    const startups = (await client.query<{ id: number }>(`SELECT id FROM startups WHERE company_name LIKE 'Bench startup %' ORDER BY id`))
      .rows
    await client.query(
      `INSERT INTO projects (startup_id, title, description, status, duration, funding_goal, current_funding, category_id, email,
         has_patents, is_participant, is_active, updated_at, created_at)
       SELECT ($1::int[])[1 + n % array_length($1::int[], 1)], 'Project ' || n, 'Smart analytics for business number ' || n,
         (ARRAY['draft', 'active', 'active', 'completed'])[1 + n % 4]::enum_projects_status, 30, 100000.00, (n % 1000) * 10.00,
         ($2::int[])[1 + n % array_length($2::int[], 1)], 'project' || n || '@example.com', n % 2 = 0, false, n % 10 <> 0,
         now() - (n || ' seconds')::interval, now() - (n || ' seconds')::interval
       FROM generate_series(1, ${PROJECTS}) n`,
      [startups.map((row) => row.id), categories.map((row) => row.id)],
    )
    await client.query('VACUUM ANALYZE projects')
    return categories[3 % categories.length].id
  })
}

/** GET /api/v1/projects/ with nothing in the path but pg: the same statement, the same JSON. */
async function startRawHandler(databaseUrl: string, connections: number) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: Math.min(20, connections) })
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost')
      const page = Number(url.searchParams.get('page') ?? 1)
      const pageSize = Number(url.searchParams.get('page_size') ?? 20)
      const result = await pool.query(
        `SELECT ${PROJECT_VIEW_COLUMN_LIST}, count(*) OVER () AS total FROM projects p
         WHERE (p.status <> 'draft' AND p.is_active) AND p.status = $1 AND p.category_id = $2
         ORDER BY p.created_at DESC NULLS LAST, p.id DESC LIMIT $3 OFFSET $4`,
        [url.searchParams.get('status'), Number(url.searchParams.get('category')), pageSize, (page - 1) * pageSize],
      )
      const total = Number(result.rows[0]?.total ?? 0)
      const results = result.rows.map(({ total: _total, created_at, updated_at, ...row }) => ({
        ...row,
        created_at: new Date(created_at).toISOString(),
        updated_at: new Date(updated_at).toISOString(),
      }))
      const next = page * pageSize < total ? `http://localhost/api/v1/projects/?${url.searchParams}&page=${page + 1}` : null
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ count: total, next, previous: null, results }))
    } catch (error) {
      res.writeHead(500)
      res.end(String(error))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await pool.end()
    },
  }
}
