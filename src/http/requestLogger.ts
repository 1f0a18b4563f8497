import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { pinoHttp } from 'pino-http'
import { logger } from '../lib/logger.ts'
import { clientAborted } from './clientAborted.ts'

const REQUEST_ID = /^[\w.:-]{1,128}$/

/** Request id from X-Request-Id when it looks sane, else a new UUID; echoed back on the response. */
function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id']
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID()
  res.setHeader('X-Request-Id', id)
  return id
}

/** Express rewrites req.url inside mounted routers; originalUrl is what the client asked for. */
function pathOf(req: IncomingMessage): string {
  return (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? ''
}

const unfinished = (res: ServerResponse) => !res.writableFinished

/** Gives every request `req.log` (each line carries reqId) and writes one access line per response. */
export const requestLogger = pinoHttp({
  logger,
  genReqId: requestId,
  quietReqLogger: true,
  customAttributeKeys: { reqId: 'reqId', responseTime: 'duration_ms' },
  // A response the client did not wait for ends on 'close' before 'finish': one info line, "aborted".
  customLogLevel: (req, res, err) =>
    unfinished(res) || clientAborted(req, res, err)
      ? 'info'
      : err || res.statusCode >= 500
        ? 'error'
        : res.statusCode >= 400
          ? 'warn'
          : 'info',
  customSuccessMessage: (req, res) => `${req.method} ${pathOf(req)} ${unfinished(res) ? 'aborted' : res.statusCode}`,
  customErrorMessage: (req, res, err) =>
    `${req.method} ${pathOf(req)} ${unfinished(res) || clientAborted(req, res, err) ? 'aborted' : res.statusCode}`,
  serializers: {
    req: (req: { method: string; url: string; raw?: IncomingMessage; remoteAddress?: string }) => ({
      method: req.method,
      url: req.raw ? pathOf(req.raw) : req.url,
      ip: req.remoteAddress,
    }),
    res: (res: { statusCode: number }) => ({ status: res.statusCode }),
  },
  autoLogging: { ignore: (req) => req.url === '/health' || Boolean(req.url?.startsWith('/_next/')) },
})
