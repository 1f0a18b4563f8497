import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { getPayload, type Payload } from 'payload'
import payloadConfig from '../payload.config.ts'
import { buildApp } from './app.ts'
import { buildCrmApp } from './crmApp.ts'
import { startCronJobs } from './jobs/index.ts'
import { startOutboxWorker } from './jobs/outboxWorker.ts'
import { startTranscodeWorker } from './jobs/transcodeWorker.ts'
import { stopUsageRecorder } from './domain/analytics/usageRecorder.ts'
import { config } from './lib/config.ts'
import { closePayload } from './lib/db/closePayload.ts'
import { runMigrations } from './lib/db/migrate.ts'
import { logger } from './lib/logger.ts'
import { closeRateLimitStore } from './lib/rateLimit.ts'
import { closeEmailTransport } from './lib/email/emailAdapter.ts'
import { startAdmin, type Admin } from './admin.ts'
import { startRealtime, type Realtime } from './realtime/index.ts'

export type ServerOptions = {
  port: number
  host?: string
  /** Serve the admin panel through Next (`dev` compiles on demand, otherwise the production build). */
  admin?: { dev: boolean }
  cron?: boolean
  /** Runs after migrations and before the server accepts requests (staff admin, demo data). */
  bootstrap?: (payload: Payload) => Promise<void>
  /** A Payload instance of its own (another key), for a second instance in one process (multi-instance tests). */
  instanceKey?: string
  /** false: no outbox worker in this process (tests that drain the outbox themselves, at the times they pick). */
  outbox?: boolean
}

export type RunningServer = {
  url: string
  payload: Payload
  httpServer: http.Server
  realtime: Realtime
  /** The CRM_PORT listener's base URL, when CRM_PORT is set. */
  crmUrl?: string
  close(): Promise<void>
}

/** Boots Payload, applies migrations and serves everything on one HTTP server. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const payload = await getPayload({ config: payloadConfig, key: options.instanceKey })
  await runMigrations(payload)
  await options.bootstrap?.(payload)
  const admin = options.admin ? await startAdmin(options.admin.dev) : undefined
  const httpServer = http.createServer(buildApp(payload, admin?.handle))
  const realtime = startRealtime(httpServer, payload)
  const runOutbox = options.outbox ?? true
  const outbox = runOutbox ? await startOutboxWorker({ payload, push: realtime }) : undefined
  const transcodes = await startTranscodeWorker(payload)
  const cron = (options.cron ?? config.CRON_ENABLED) ? startCronJobs(payload) : undefined
  const port = await listen(httpServer, options.port, options.host ?? config.HOST)
  // Spec 004's clients expect the CRM on a port of its own; unset, nothing extra listens.
  const crmServer = config.CRM_PORT === undefined ? undefined : http.createServer(buildCrmApp(payload))
  const crmPort = crmServer ? await listen(crmServer, config.CRM_PORT ?? 0, options.host ?? config.HOST) : undefined
  const crm: Stoppable = crmServer && {
    stop: () =>
      new Promise<void>((resolve) => {
        crmServer.close(() => resolve())
        crmServer.closeAllConnections()
      }),
  }
  let closing: Promise<void> | undefined
  return {
    url: `http://127.0.0.1:${port}`,
    crmUrl: crmPort === undefined ? undefined : `http://127.0.0.1:${crmPort}`,
    payload,
    httpServer,
    realtime,
    close: () => (closing ??= shutdown({ httpServer, realtime, admin, payload, stopWorkers: [crm, outbox, transcodes, cron] })),
  }
}

async function listen(server: http.Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, resolve)
  })
  return (server.address() as AddressInfo).port
}

type Stoppable = { stop(): Promise<void> } | undefined
type Parts = { httpServer: http.Server; realtime: Realtime; admin?: Admin; payload: Payload; stopWorkers: Stoppable[] }

/** Stop accepting, let in-flight requests finish (bounded), then close sockets, workers, Next and the pool. */
async function shutdown({ httpServer, realtime, admin, payload, stopWorkers }: Parts, drainMs = 8000): Promise<void> {
  const drained = new Promise<void>((resolve) => httpServer.close(() => resolve()))
  // Keep-alive connections that go idle while we drain would otherwise hold the server open.
  const idleSweep = setInterval(() => httpServer.closeIdleConnections(), 100)
  const deadline = setTimeout(() => {
    logger.warn('shutdown: requests still running after the drain window; closing their connections')
    httpServer.closeAllConnections()
  }, drainMs)
  await Promise.all([drained, realtime.close()])
  clearInterval(idleSweep)
  clearTimeout(deadline)
  await Promise.all(stopWorkers.map((worker) => worker?.stop()))
  await admin?.close()
  await closeRateLimitStore()
  closeEmailTransport()
  // After the drain, so the last requests' usage rows are written before the pool closes.
  await stopUsageRecorder(payload)
  await closePayload(payload)
}
