import type { IncomingMessage } from 'node:http'
import cookieParser from 'cookie-parser'
import cors from 'cors'
import express, { type Express, type RequestHandler } from 'express'
import type { Payload } from 'payload'
import { healthRoutes } from '../endpoints/health.ts'
import { internalCollectionEndpoints } from '../endpoints/payload/index.ts'
import { tokenAliasRoutes } from '../endpoints/tokenAlias.ts'
import { v1Api } from '../endpoints/v1/index.ts'
import { config } from './lib/config.ts'
import { NotFoundError } from './lib/errors.ts'
import { docsRouter } from './http/docs.ts'
import { errorHandler } from './http/errorHandler.ts'
import { payloadErrorHandler, payloadGraphQL, payloadRest } from './http/payloadHandlers.ts'
import { requestLogger } from './http/requestLogger.ts'
import { securityHeaders } from './http/securityHeaders.ts'
import { metricsEndpoint } from './http/metricsEndpoint.ts'
import { requestMetrics } from './http/requestMetrics.ts'
import { usageTracking } from './http/usageTracking.ts'
import { version } from './lib/projectRoot.ts'

/** Renders everything the API does not answer: the admin panel and its assets (Next). */
export type AdminHandler = RequestHandler

// JSON endpoints never render HTML, so they get the strictest policy.
const apiCsp: RequestHandler = (_req, res, next) => {
  res.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'")
  next()
}

/** Stripe signs the exact bytes it sent: webhook routes verify req.rawBody, not the parsed JSON. */
const keepRawBody = (req: IncomingMessage, _res: unknown, body: Buffer) => {
  ;(req as IncomingMessage & { rawBody?: Buffer }).rawBody = body
}

const notFound: RequestHandler = () => {
  throw new NotFoundError('Not found')
}

/**
 * The one express app: /health, API docs, /api/v1 (express routers, no Next in the loop), Payload's
 * GraphQL and auto REST, and the admin panel through Next when `admin` is given.
 */
export function buildApp(payload: Payload, admin?: AdminHandler): Express {
  const app = express()
  app.locals.payload = payload
  app.disable('x-powered-by')
  // API responses are not cached by validators; hashing every JSON body for an ETag cost more than it saved.
  app.set('etag', false)
  app.set('trust proxy', config.TRUST_PROXY)
  app.use(requestLogger)
  // The admin (Next) and the docs pages set their own CSP; the API is called cross-origin by apps.
  app.use(securityHeaders({ contentSecurityPolicy: false, crossOriginResourcePolicy: { policy: 'cross-origin' } }))
  app.use('/api', cors({ origin: config.CORS_ORIGINS, credentials: true, exposedHeaders: ['X-Request-Id', 'Retry-After'] }))
  app.use(healthRoutes.router)
  app.get('/metrics', metricsEndpoint(payload))
  app.use('/api', docsRouter({ version, serverUrl: config.PUBLIC_URL }))
  const jsonApi = [apiCsp, express.json({ limit: config.BODY_LIMIT, verify: keepRawBody }), cookieParser()]
  const usage = config.ANALYTICS_ENABLED ? [usageTracking(payload)] : []
  app.use('/api/v1', requestMetrics, ...usage, ...jsonApi, v1Api(), errorHandler)
  app.use('/api/token', ...jsonApi, tokenAliasRoutes.router, errorHandler)
  app.post('/api/graphql', payloadGraphQL(payload), payloadErrorHandler)
  app.use('/api', ...payloadRest(payload, internalCollectionEndpoints), payloadErrorHandler)
  app.use(admin ?? notFound)
  app.use(errorHandler)
  return app
}
