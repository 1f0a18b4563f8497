import type { Request } from 'express'
import { executeAuthStrategies, type Payload, type TypedUser } from 'payload'
import { verifyAccessToken } from '../../domain/auth/accessTokens.ts'
import { loadTokenUser } from '../../domain/auth/loadTokenUser.ts'
import { accessTokenFromHeaders } from '../../domain/auth/platformTokenStrategy.ts'
import { ACCESS_COOKIE } from './authCookies.ts'

export type Authentication = {
  user: TypedUser | null
  /** How the caller proved who they are: cookie-authenticated writes need a CSRF check. */
  via: 'header' | 'cookie' | null
  /** A token was sent but is invalid or expired (the client should refresh it). */
  rejectedToken: boolean
}

export function headersOf(req: Request): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value)
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item)
  }
  return headers
}

/**
 * The caller behind an /api/v1 request: an access token in a header (ours or Payload's, through the same
 * strategies REST and GraphQL use), else spec 002's access_token cookie.
 */
export async function authenticate(payload: Payload, req: Request): Promise<Authentication> {
  const headers = headersOf(req)
  const headerToken = accessTokenFromHeaders(headers)
  const { user } = await executeAuthStrategies({ headers, payload, isGraphQL: false, canSetHeaders: false })
  if (user) return { user, via: 'header', rejectedToken: false }
  if (headerToken) return { user: null, via: null, rejectedToken: true }
  const cookie: unknown = req.cookies?.[ACCESS_COOKIE]
  if (typeof cookie !== 'string' || !cookie) return { user: null, via: null, rejectedToken: false }
  const claims = await verifyAccessToken(cookie)
  const cookieUser = claims ? await loadTokenUser(payload, claims, 'platform-access-cookie') : null
  return { user: cookieUser, via: cookieUser ? 'cookie' : null, rejectedToken: !cookieUser }
}
