import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { config } from '../../lib/config.ts'
import { UnauthorizedError } from '../../lib/errors.ts'
import { logger } from '../../lib/logger.ts'
import { txDb, withTransaction } from '../../lib/transaction.ts'
import type { ClientMeta } from './clientMeta.ts'
import { issueTokens, type IssuedTokens } from './issueSession.ts'
import { decideRefresh } from './refreshDecision.ts'
import { isSessionActive, revokeFamilyRows } from './sessions.ts'
import { hashToken } from './tokenHash.ts'

export const INVALID_REFRESH = 'Token is invalid or expired'

type TokenRow = {
  id: number
  family: string
  user_id: number
  expires_at: Date
  family_expires_at: Date
  revoked_at: Date | null
  revoked_reason: string | null
}
type RawTokenRow = Omit<TokenRow, 'expires_at' | 'family_expires_at' | 'revoked_at'> &
  Record<'expires_at' | 'family_expires_at' | 'revoked_at', string | null>

// Payload's drizzle connection returns timestamps as strings.
const toTokenRow = (raw: RawTokenRow): TokenRow => ({
  ...raw,
  expires_at: new Date(raw.expires_at ?? 0),
  family_expires_at: new Date(raw.family_expires_at ?? 0),
  revoked_at: raw.revoked_at ? new Date(raw.revoked_at) : null,
})

type Outcome = { kind: 'issued'; tokens: IssuedTokens } | { kind: 'refused'; revokedFamily: boolean }

/**
 * Rotates a refresh token. The row is locked (FOR UPDATE), so concurrent refreshes of one token are
 * decided one after another: the first rotates, the rest get siblings inside the grace window, and a
 * token replayed after it revokes its whole family. The revocation commits before the 401 is sent.
 */
export async function refreshSession(req: PayloadRequest, token: string, client: ClientMeta): Promise<IssuedTokens> {
  const outcome = await withTransaction(req, async (): Promise<Outcome> => {
    const db = await txDb(req)
    const found = await db.execute(sql`
      SELECT id, family, user_id, expires_at, family_expires_at, revoked_at, revoked_reason
      FROM refresh_tokens WHERE token_hash = ${hashToken(token)} FOR UPDATE`)
    const raw = found.rows[0] as RawTokenRow | undefined
    if (!raw) return { kind: 'refused', revokedFamily: false }
    const row = toTokenRow(raw)
    const now = new Date()
    const decision = decideRefresh(row, now, config.REFRESH_TOKEN_REUSE_GRACE)
    if (decision === 'reuse') {
      await revokeFamilyRows(req, row.family, 'reuse_detected', { now })
      logger.warn(
        { reqId: req.context.reqId, family: row.family, userId: row.user_id, ip: client.ip },
        'refresh token reuse: session revoked',
      )
      return { kind: 'refused', revokedFamily: true }
    }
    if (decision === 'expired' || decision === 'revoked') return { kind: 'refused', revokedFamily: false }
    if (decision === 'grace' && !(await isSessionActive(db, row.family))) return { kind: 'refused', revokedFamily: false }
    const user = await req.payload.findByID({
      collection: 'users',
      id: row.user_id,
      depth: 0,
      overrideAccess: true,
      req,
      disableErrors: true,
    })
    if (!user || user.is_active === false) {
      await revokeFamilyRows(req, row.family, 'account_disabled', { now })
      return { kind: 'refused', revokedFamily: true }
    }
    if (decision === 'rotate') {
      await db.execute(
        sql`UPDATE refresh_tokens SET revoked_at = ${now}, revoked_reason = 'rotated', last_used_at = ${now} WHERE id = ${row.id}`,
      )
    }
    const tokens = await issueTokens(req, { user, family: row.family, parent: row.id, client, familyExpiresAt: row.family_expires_at, now })
    return { kind: 'issued', tokens }
  })
  if (outcome.kind === 'refused') throw new UnauthorizedError(INVALID_REFRESH)
  return outcome.tokens
}
