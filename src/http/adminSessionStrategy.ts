import type { AuthStrategy, Payload } from 'payload'
import { parseCookies } from 'payload/shared'
import { verifyAdminSessionToken } from '../domain/auth/adminSessionToken.ts'
import { userFromAdminSession } from '../domain/auth/adminSessions.ts'

export const ADMIN_SESSION_STRATEGY = 'admin-session'

/**
 * The admin panel's session: Payload's JWT (`payload-token` cookie, `Authorization: JWT` or `Bearer`).
 * Payload's own strategy for it is off with its local (PBKDF2) strategy, so this one takes its place,
 * with the same token format, session check and cookie CSRF rules.
 */
export const adminSessionStrategy: AuthStrategy = {
  name: ADMIN_SESSION_STRATEGY,
  authenticate: async ({ headers, payload }) => {
    const token = adminSessionTokenFrom(headers, payload)
    const claims = token ? await verifyAdminSessionToken(payload, token) : null
    return { user: claims ? await userFromAdminSession(payload, claims, ADMIN_SESSION_STRATEGY) : null }
  },
}

/** The admin session (sid) the caller signed in with, if this strategy authenticated them. */
export function adminSessionOf(user: unknown): string | undefined {
  const { _strategy, _sid } = (user ?? {}) as { _strategy?: unknown; _sid?: unknown }
  return _strategy === ADMIN_SESSION_STRATEGY && typeof _sid === 'string' ? _sid : undefined
}

/** Payload's extraction order (config.auth.jwtOrder) and rules (extractJWT). */
function adminSessionTokenFrom(headers: Headers, payload: Payload): string | null {
  const authorization = headers.get('authorization') ?? ''
  for (const method of payload.config.auth.jwtOrder) {
    if (method === 'JWT' && authorization.startsWith('JWT ')) return authorization.slice(4)
    if (method === 'Bearer' && authorization.startsWith('Bearer ')) return authorization.slice(7)
    if (method === 'cookie') {
      const cookie = parseCookies(headers).get(`${payload.config.cookiePrefix}-token`)
      if (cookie && cookieMaySignIn(headers, payload.config.csrf)) return cookie
    }
  }
  return null
}

/**
 * A cookie is sent by the browser on cross-site requests too: it counts only from an allowed Origin or,
 * without one, from a same-site navigation or fetch (Sec-Fetch-Site), as in Payload.
 */
function cookieMaySignIn(headers: Headers, allowedOrigins: string[]): boolean {
  if (allowedOrigins.length === 0) return true
  const origin = headers.get('origin')
  if (origin) return allowedOrigins.includes(origin)
  return ['same-origin', 'same-site', 'none'].includes(headers.get('sec-fetch-site') ?? '')
}
