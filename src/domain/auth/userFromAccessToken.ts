import type { Payload } from 'payload'
import type { User } from '../../payload-types.ts'
import { rootDb } from '../../lib/transaction.ts'
import type { AccessClaims } from './accessTokens.ts'
import { isSessionActive } from './sessions.ts'

export type TokenUser = User & { collection: 'users'; _strategy: string; _sid: string }

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
