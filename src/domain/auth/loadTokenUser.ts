import type { Payload } from 'payload'
import type { User } from '../../payload-types.ts'
import type { AccessClaims } from './accessTokens.ts'
import { isSessionActive } from './sessions.ts'

export type TokenUser = User & { collection: 'users'; _strategy: string; _sid: string }

/** The user an access token speaks for: it must exist, be active, and its session must not be revoked. */
export async function loadTokenUser(payload: Payload, claims: AccessClaims, strategy: string): Promise<TokenUser | null> {
  const [user, active] = await Promise.all([
    // overrideAccess: authentication runs before there is a caller to check access for.
    payload.findByID({ collection: 'users', id: Number(claims.sub), depth: 0, overrideAccess: true, disableErrors: true }),
    isSessionActive(payload, claims.sid),
  ])
  if (!user || user.is_active === false || !active) return null
  return { ...user, collection: 'users', _strategy: strategy, _sid: claims.sid }
}
