export type RefreshTokenState = {
  revoked_at: Date | null
  revoked_reason: string | null
  expires_at: Date
  family_expires_at: Date
}

/**
 * What presenting a refresh token means:
 * - rotate: valid and unused; issue its successor.
 * - grace: rotated moments ago (another tab raced this one); issue a sibling, revoke nothing.
 * - reuse: rotated earlier than the grace window: someone replayed a stolen token; revoke the family.
 * - expired / revoked: refuse without further action.
 */
export type RefreshDecision = 'rotate' | 'grace' | 'reuse' | 'expired' | 'revoked'

export function decideRefresh(token: RefreshTokenState, now: Date, graceSeconds: number): RefreshDecision {
  if (token.family_expires_at <= now) return 'expired'
  if (token.revoked_at) {
    if (token.revoked_reason !== 'rotated') return 'revoked'
    return now.getTime() - token.revoked_at.getTime() <= graceSeconds * 1000 ? 'grace' : 'reuse'
  }
  return token.expires_at <= now ? 'expired' : 'rotate'
}
