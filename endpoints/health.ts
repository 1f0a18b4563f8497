import { z } from 'zod'
import { checkDatabase } from '../src/domain/system/checkDatabase.ts'
import { v1Router } from '../src/http/v1Router.ts'

const HealthOut = z.object({ status: z.enum(['healthy', 'unhealthy']), database: z.enum(['connected', 'disconnected']) })

/** GET /health (spec 004): liveness plus a database round trip; 503 when the database is unreachable. */
export const healthRoutes = v1Router('', { base: '' })

healthRoutes.get(
  '/health',
  {
    summary: 'Service and database health (spec 004)',
    tags: ['system'],
    envelope: 'booking',
    responses: { 200: HealthOut, 503: HealthOut },
  },
  async ({ req }) => {
    const connected = await checkDatabase(req.payload)
    return {
      status: connected ? 200 : 503,
      headers: { 'Cache-Control': 'no-store' },
      body: { status: connected ? 'healthy' : 'unhealthy', database: connected ? 'connected' : 'disconnected' },
    }
  },
)
