import express, { type Express } from 'express'
import helmet from 'helmet'
import type { Payload } from 'payload'
import { crmServiceRoutes } from '../endpoints/v1/crm/index.ts'
import { config } from './lib/config.ts'
import { NotFoundError } from './lib/errors.ts'
import { errorHandler } from './http/errorHandler.ts'
import { requestLogger } from './http/requestLogger.ts'

/**
 * The app of the CRM_PORT listener: spec 004's CRM service at its own paths (/api/notify, /api/bookings...,
 * /health), served by the same routes as /api/v1/crm on the main port, for clients written against spec 004.
 */
export function buildCrmApp(payload: Payload): Express {
  const app = express()
  app.locals.payload = payload
  app.disable('x-powered-by')
  app.set('trust proxy', config.TRUST_PROXY)
  app.use(requestLogger)
  app.use(helmet())
  app.use((req, res, next) => {
    res.locals.envelope = 'booking'
    next()
  })
  app.use(express.json({ limit: config.BODY_LIMIT }), crmServiceRoutes.router)
  app.use(() => {
    throw new NotFoundError('Not found')
  })
  app.use(errorHandler)
  return app
}
