import type { AuthStrategy, Payload } from 'payload'
import type { User } from '../../payload-types.ts'
import { rootDb } from '../../lib/transaction.ts'
import { verifyAccessToken, type AccessClaims } from './accessTokens.ts'
import { isSessionActive } from './sessions.ts'

export const PLATFORM_TOKEN_STRATEGY = 'platform-access-token'

export type TokenUser = User & { collection: 'users'; _strategy: string; _sid: string }

/** The access token from `Authorization: Bearer`, or spec 002's `access_token` header. */
export function accessTokenFromHeaders(headers: Headers): string | null {
  const authorization = headers.get('authorization')
  if (authorization?.startsWith('Bearer ')) return authorization.slice(7).trim() || null
  return headers.get('access_token')?.trim() || null
}

/**
 * The user a verified access token speaks for: it must exist, be active, and its session must not be
 * revoked. `strategy` records how the token came (this strategy, or /api/v1's access_token cookie).
 */
export async function userFromAccessToken(payload: Payload, claims: AccessClaims | null, strategy: string): Promise<TokenUser | null> {
  if (!claims) return null
  const [user, active] = await Promise.all([
    // overrideAccess: authentication runs before there is a caller to check access for.
    payload.findByID({ collection: 'users', id: Number(claims.sub), depth: 0, overrideAccess: true, disableErrors: true }),
    isSessionActive(rootDb(payload), claims.sid),
  ])
  if (!user || user.is_active === false || !active) return null
  return { ...user, collection: 'users', _strategy: strategy, _sid: claims.sid }
}

/**
 * Payload auth strategy accepting our /api/v1 access tokens, so one token works on auto REST and
 * GraphQL too, under the same collection access rules.
 */
export const platformTokenStrategy: AuthStrategy = {
  name: PLATFORM_TOKEN_STRATEGY,
  authenticate: async ({ headers, payload }) => {
    const token = accessTokenFromHeaders(headers)
    return { user: token ? await userFromAccessToken(payload, await verifyAccessToken(token), PLATFORM_TOKEN_STRATEGY) : null }
  },
}
