import { checkDatabase } from '../../../src/domain/system/checkDatabase.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { version } from '../../../src/lib/projectRoot.ts'
import { SystemHealthOut } from './schemas.ts'

export const systemRoutes = v1Router('/system')

systemRoutes.get(
  '/health',
  { summary: 'System health (spec 003)', responses: { 200: SystemHealthOut, 503: SystemHealthOut } },
  async ({ req }) => {
    const healthy = await checkDatabase(req.payload)
    return {
      status: healthy ? 200 : 503,
      headers: { 'Cache-Control': 'no-store' },
      body: { status: healthy ? 'healthy' : 'unhealthy', version, uptime: process.uptime(), timestamp: new Date().toISOString() },
    }
  },
)
