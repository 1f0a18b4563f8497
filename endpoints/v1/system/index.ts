import { checkDatabase } from '../../../src/domain/system/checkDatabase.ts'
import { recentLogs } from '../../../src/domain/system/recentLogs.ts'
import { restartSystem } from '../../../src/domain/system/restartSystem.ts'
import { systemConfig } from '../../../src/domain/system/systemConfig.ts'
import { systemStats } from '../../../src/domain/system/systemStats.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { version } from '../../../src/lib/projectRoot.ts'
import { LogsOut, LogsQuery, RestartOut, SystemConfigOut, SystemHealthOut, SystemStatsOut } from './schemas.ts'
import { serializeStats } from './serialize.ts'

/** Spec 003's system routes: health is public, everything else is for admins. */
export const systemRoutes = v1Router('/system')

const noStore = { 'Cache-Control': 'no-store' }

systemRoutes.get(
  '/health',
  { summary: 'System health (spec 003)', responses: { 200: SystemHealthOut, 503: SystemHealthOut } },
  async ({ req }) => {
    const healthy = await checkDatabase(req.payload)
    return {
      status: healthy ? 200 : 503,
      headers: noStore,
      body: { status: healthy ? 'healthy' : 'unhealthy', version, uptime: process.uptime(), timestamp: new Date().toISOString() },
    }
  },
)

systemRoutes.get(
  '/stats',
  { summary: 'CPU, memory, disk, Node version, database pool and outbox depth', auth: 'admin', responses: { 200: SystemStatsOut } },
  async ({ req }) => ({ headers: noStore, body: serializeStats(await systemStats(req.payload)) }),
)

systemRoutes.get(
  '/config',
  { summary: 'Configuration without any secret', auth: 'admin', responses: { 200: SystemConfigOut } },
  async () => ({ headers: noStore, body: systemConfig() }),
)

systemRoutes.get(
  '/logs',
  { summary: 'The last log lines of this process, secrets redacted', auth: 'admin', query: LogsQuery, responses: { 200: LogsOut } },
  async ({ query }) => {
    const lines = recentLogs(query.lines)
    return { headers: noStore, body: { lines, count: lines.length } }
  },
)

systemRoutes.post(
  '/restart',
  {
    summary: 'Graceful restart: drain, close, exit for the supervisor to start again',
    auth: 'admin',
    responses: { 200: RestartOut, 503: 'Not running under the launcher' },
  },
  async ({ req }) => {
    const { exitCode } = restartSystem(req)
    return { body: { status: 'restarting', message: 'Draining requests, then restarting', exit_code: exitCode } }
  },
)
