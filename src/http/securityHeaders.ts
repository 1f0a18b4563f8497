import { IncomingMessage, ServerResponse } from 'node:http'
import { Socket } from 'node:net'
import type { RequestHandler } from 'express'
import helmet, { type HelmetOptions } from 'helmet'

/**
 * Helmet's headers, worked out once: with CSP off, every header helmet sets is the same on every
 * response, so helmet runs once at boot on a detached response and each request gets that list
 * (helmet itself runs a dozen middlewares per request to set the same values).
 */
export function securityHeaders(options: HelmetOptions): RequestHandler {
  const req = new IncomingMessage(new Socket())
  const res = new ServerResponse(req)
  let recorded = false
  helmet(options)(req, res, () => void (recorded = true))
  if (!recorded) throw new Error('helmet did not finish synchronously; its headers cannot be precomputed')
  const headers = Object.entries(res.getHeaders()).map(([name, value]) => [name, String(value)] as const)
  return (_req, response, next) => {
    for (const [name, value] of headers) response.setHeader(name, value)
    next()
  }
}
