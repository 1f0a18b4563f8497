import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { Request } from 'express'
import { config } from '../lib/config.ts'
import { ForbiddenError } from '../lib/errors.ts'

export const CSRF_COOKIE = 'csrftoken'
export const CSRF_HEADER = 'x-csrftoken'

export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Origins trusted to send cookie-authenticated writes: the platform's own and CORS_ORIGINS. */
export function trustedOrigins(): string[] {
  return [new URL(config.PUBLIC_URL).origin, ...config.CORS_ORIGINS.map((origin) => new URL(origin).origin)]
}

/**
 * Double-submit CSRF check for cookie-authenticated requests (spec 002): the X-CSRFToken header must
 * equal the csrftoken cookie, and a browser-sent Origin (or Referer) must be trusted.
 */
export function assertCsrf(req: Request): void {
  const origin = req.get('origin') ?? refererOrigin(req.get('referer'))
  if (origin && origin !== 'null' && !trustedOrigins().includes(origin)) {
    throw new ForbiddenError(`CSRF Failed: Origin checking failed - ${origin} does not match any trusted origins.`)
  }
  const cookie: unknown = req.cookies?.[CSRF_COOKIE]
  const header = req.get(CSRF_HEADER) ?? req.get('x-csrf-token')
  if (typeof cookie !== 'string' || !cookie) throw new ForbiddenError('CSRF Failed: CSRF cookie not set.')
  if (!header) throw new ForbiddenError('CSRF Failed: CSRF token missing.')
  const a = Buffer.from(cookie)
  const b = Buffer.from(header)
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new ForbiddenError('CSRF Failed: CSRF token incorrect.')
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined
  try {
    return new URL(referer).origin
  } catch {
    return 'null'
  }
}
