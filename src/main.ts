import type { AdminAccount } from './domain/seed/ensureAdminUser.ts'
import type { ResolvedDatabase } from './lib/db/resolveDatabase.ts'
import type { Logger } from 'pino'
import type { RunningServer } from './server.ts'
import { onRestartRequested, RESTART_EXIT_CODE } from './lib/restart.ts'

/**
 * `npm run dev` / `npm start`: database (embedded unless DATABASE_URL), migrations, staff admin and demo
 * data, then the server and a banner. SIGINT/SIGTERM shut everything down in order and exit.
 */
async function main(): Promise<void> {
  // Configuration is parsed on import; a bad or unsafe value is reported as one clear line (see below).
  const { config } = await import('./lib/config.ts')
  const { logger } = await import('./lib/logger.ts')
  const { resolveDatabase } = await import('./lib/db/resolveDatabase.ts')
  let database: ResolvedDatabase | undefined
  let server: RunningServer | undefined
  let fakeStripe: { url: string; close(): Promise<void> } | undefined
  onShutdownSignal(logger, async () => {
    await server?.close()
    await fakeStripe?.close()
    await database?.stop()
  })
  database = await resolveDatabase((message) => logger.info(message))
  if (!config.STRIPE_SECRET_KEY && !config.isProduction)
    fakeStripe = await startLocalStripe(config.PORT, config.STRIPE_WEBHOOK_SECRET, logger)
  // Imported only now: payload.config.ts reads the database URL resolved above.
  const { startServer } = await import('./server.ts')
  const { ensureAdminUser } = await import('./domain/seed/ensureAdminUser.ts')
  const { seedDemo } = await import('./domain/seed/seedDemo.ts')
  const { printBanner } = await import('./banner.ts')
  let admin: AdminAccount | undefined
  server = await startServer({
    port: config.PORT,
    admin: { dev: !config.isProduction },
    bootstrap: async (payload) => {
      admin = await ensureAdminUser(payload)
      if (config.SEED_DEMO) await seedDemo(payload)
    },
  })
  if (admin) printBanner({ admin, embeddedDatabase: database.embedded, demo: config.SEED_DEMO, fakeStripeUrl: fakeStripe?.url })
}

/**
 * Development without STRIPE_SECRET_KEY: the local fake Stripe (the one the tests use) plays Stripe, with
 * checkout pages whose Pay / Fail buttons send signed webhooks back to this server.
 */
async function startLocalStripe(port: number, webhookSecret: string, logger: Logger) {
  const { startFakeStripe } = await import('./dev/fakeStripe/server.ts')
  const { reloadConfig } = await import('./lib/config.ts')
  const fake = await startFakeStripe({
    webhookSecret,
    webhookUrl: `http://127.0.0.1:${port}/api/v1/payments/webhook`,
    log: (message) => logger.debug(message),
  })
  reloadConfig({ STRIPE_API_URL: fake.url })
  return fake
}

function onShutdownSignal(logger: Logger, shutdown: () => Promise<void>): void {
  let stopping = false
  const handler = (signal: NodeJS.Signals | 'restart') => {
    // npm, tsx and a terminal's process group can each deliver the same signal: act on the first one.
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    // POST /api/v1/system/restart: the same graceful shutdown, then an exit code the supervisor restarts on.
    const exitCode = signal === 'restart' ? RESTART_EXIT_CODE : 0
    const forceExit = setTimeout(() => {
      logger.error('shutdown took too long; exiting')
      process.exit(1)
    }, 20_000)
    forceExit.unref()
    shutdown().then(
      () => {
        logger.info({ exitCode }, 'shutdown complete')
        process.exit(exitCode)
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  onRestartRequested(() => handler('restart'))
}

main().catch((error: unknown) => {
  process.stderr.write(`\nfailed to start: ${error instanceof Error ? error.message : String(error)}\n`)
  if (error instanceof Error && !/^(Invalid configuration|Refusing to start)/.test(error.message)) console.error(error)
  process.exit(1)
})
