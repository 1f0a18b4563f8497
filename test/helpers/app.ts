import type { Payload } from 'payload'
import type { Realtime } from '../../src/realtime/index.ts'
import { apiClient, type ApiClient } from './api.ts'
import { cloneTemplateDatabase } from './testDatabase.ts'

export type TestApp = {
  url: string
  payload: Payload
  api: ApiClient
  /** This instance's socket.io server (emit on it to test delivery across instances). */
  realtime: Realtime
  database: { name: string; url: string }
  /** The CRM_PORT listener, when `env` sets CRM_PORT. */
  crmUrl?: string
  stop(): Promise<void>
}

/** Tests send many requests from one address; the rate-limit tests set their own, lower limits. */
const GENEROUS_LIMITS = {
  RATE_LIMIT_ANON_PER_HOUR: '1000000',
  RATE_LIMIT_AUTH_PER_HOUR: '1000000',
  RATE_LIMIT_PREMIUM_PER_HOUR: '1000000',
  RATE_LIMIT_REGISTRATIONS_PER_HOUR: '1000000',
  RATE_LIMIT_PASSWORD_RESETS_PER_HOUR: '1000000',
  RATE_LIMIT_WAITLIST_PER_HOUR: '1000000',
  LOGIN_MAX_FAILURES_PER_IP: '1000000',
}

/**
 * The real server on a random port, on this test file's own database (cloned from the migrated
 * template). `env` overrides configuration the way environment variables would (SMTP_URL, LOG_LEVEL...).
 */
export async function startTestApp({ env = {}, outbox = true }: { env?: Record<string, string>; outbox?: boolean } = {}): Promise<TestApp> {
  const database = await cloneTemplateDatabase()
  const { reloadConfig, config } = await import('../../src/lib/config.ts')
  reloadConfig({ ...GENEROUS_LIMITS, CRON_ENABLED: 'false', ...env, DATABASE_URL: database.url })
  const { logger } = await import('../../src/lib/logger.ts')
  logger.level = config.LOG_LEVEL
  // Imported only now, so payload.config.ts sees this file's database and overrides.
  const { startServer } = await import('../../src/server.ts')
  const server = await startServer({ port: 0, host: '127.0.0.1', cron: false, outbox })
  return {
    url: server.url,
    crmUrl: server.crmUrl,
    payload: server.payload,
    api: apiClient(server.url),
    realtime: server.realtime,
    database,
    async stop() {
      await server.close()
      await database.drop()
    },
  }
}

export type SecondInstance = { url: string; payload: Payload; api: ApiClient; realtime: Realtime; stop(): Promise<void> }

/**
 * Another instance of the server on `app`'s database, as a second process behind a load balancer would
 * be: its own Payload (pool), HTTP server, socket.io server and outbox worker, the same configuration.
 */
export async function startSecondInstance(app: TestApp): Promise<SecondInstance> {
  const { startServer } = await import('../../src/server.ts')
  const server = await startServer({ port: 0, host: '127.0.0.1', cron: false, instanceKey: `second-${app.database.name}` })
  return { url: server.url, payload: server.payload, api: apiClient(server.url), realtime: server.realtime, stop: () => server.close() }
}
