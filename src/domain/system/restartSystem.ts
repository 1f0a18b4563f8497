import type { PayloadRequest } from 'payload'
import { AppError } from '../../lib/errors.ts'
import { logger } from '../../lib/logger.ts'
import { requestRestart, RESTART_EXIT_CODE } from '../../lib/restart.ts'

/**
 * Asks the launcher for a graceful restart: stop accepting, drain in-flight requests, close workers and
 * the pool, exit with RESTART_EXIT_CODE for the supervisor to start the process again.
 */
export function restartSystem(req: PayloadRequest): { exitCode: number } {
  if (!requestRestart()) throw new AppError('Restart is only available when the server runs under its launcher (npm start).', 503)
  logger.warn({ reqId: req.context.reqId, by: req.user?.id }, 'restart requested')
  return { exitCode: RESTART_EXIT_CODE }
}
