import { pino, type DestinationStream, type Logger } from 'pino'
import { config } from './config.ts'
import { logRing } from './logRing.ts'

const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrftoken"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.access_token',
  '*.refresh_token',
  '*.access',
  '*.refresh',
  '*.secret',
]

/**
 * Every log line goes through this stream, so a test can tap it with `logStream.add(...)`
 * and assert on what the server logged (for example the full error behind a 500).
 */
export const logStream = pino.multistream([
  { level: 'trace', stream: baseDestination() },
  // The last lines, redacted again by value and pattern, for GET /api/v1/system/logs.
  { level: 'trace', stream: logRing },
])

function baseDestination(): DestinationStream {
  // Humans reading a terminal in development get pretty lines; everything else gets JSON.
  if (config.NODE_ENV === 'development' && process.stdout.isTTY) {
    return pino.transport({ target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname' } })
  }
  return pino.destination({ dest: 1, sync: config.NODE_ENV === 'test' })
}

export const logger: Logger = pino(
  {
    level: config.LOG_LEVEL,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: 'platform' },
    timestamp: pino.stdTimeFunctions.isoTime,
  },
  logStream,
)
