import type { Request } from 'express'
import { executeAuthStrategies, type Payload, type TypedUser } from 'payload'
import { verifyAccessToken, type AccessClaims } from '../domain/auth/accessTokens.ts'
import { userFromAccessToken } from '../domain/auth/userFromAccessToken.ts'
import { PLATFORM_TOKEN_STRATEGY, accessTokenFromHeaders } from './platformTokenStrategy.ts'
import { ACCESS_COOKIE } from './authCookies.ts'
import { headersOf } from './webRequest.ts'

const PLATFORM_COOKIE_STRATEGY = 'platform-access-cookie'

export type Authentication = {
  user: TypedUser | null
  /** How the caller proved who they are: cookie-authenticated writes need a CSRF check. */
  via: 'header' | 'cookie' | null
  /** A token was sent but is invalid or expired (the client should refresh it). */
  rejectedToken: boolean
}

/**
 * What an /api/v1 request presents, read once: the rate limit and authentication share it, so our access
 * token is verified once per request.
 */
export type Credentials = {
  headers: Headers
  /** Where our access token came from: a header (Bearer or access_token) wins over the access_token cookie. */
  from: 'header' | 'cookie' | null
  /** The token's claims; null when there is no token or it is invalid or expired. */
  claims: AccessClaims | null
}

export async function credentialsOf(req: Request): Promise<Credentials> {
  const headers = headersOf(req)
  const headerToken = accessTokenFromHeaders(headers)
  const cookie: unknown = req.cookies?.[ACCESS_COOKIE]
  const cookieToken = typeof cookie === 'string' && cookie ? cookie : null
  const token = headerToken ?? cookieToken
  return { headers, from: headerToken ? 'header' : cookieToken ? 'cookie' : null, claims: token ? await verifyAccessToken(token) : null }
}

/**
 * The caller behind an /api/v1 request: an access token in a header (ours or Payload's, through the same
 * strategies REST and GraphQL use), else spec 002's access_token cookie.
 */
export async function authenticate(payload: Payload, credentials: Credentials): Promise<Authentication> {
  const user = await headerUser(payload, credentials)
  if (user) return { user, via: 'header', rejectedToken: false }
  if (credentials.from === 'header') return { user: null, via: null, rejectedToken: true }
  if (credentials.from !== 'cookie') return { user: null, via: null, rejectedToken: false }
  const cookieUser = await userFromAccessToken(payload, credentials.claims, PLATFORM_COOKIE_STRATEGY)
  return { user: cookieUser, via: cookieUser ? 'cookie' : null, rejectedToken: !cookieUser }
}

/**
 * What Payload's strategies make of the headers: ours first, then Payload's JWT (header or admin cookie).
 * Our strategy's answer for a header token whose claims are verified already is computed here, so the
 * common case skips the strategies and a second verification; any other case runs them as before.
 */
async function headerUser(payload: Payload, { headers, from, claims }: Credentials): Promise<TypedUser | null> {
  if (from === 'header' && claims) {
    // A failure falls through to the strategies, which retry, log and skip it as they always did.
    const user = await userFromAccessToken(payload, claims, PLATFORM_TOKEN_STRATEGY).catch(() => null)
    if (user) return user
  }
  const { user } = await executeAuthStrategies({ headers, payload, isGraphQL: false, canSetHeaders: false })
  return user
}
