import type { OneTimeTokenPurpose } from './statuses.ts'
import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { txDb } from '../../lib/transaction.ts'
import { hashToken, newSecretToken } from './tokenHash.ts'

export type TokenPurpose = OneTimeTokenPurpose

export const TOKEN_LIFETIME_SECONDS: Record<TokenPurpose, number> = { password_reset: 3600, email_verification: 2 * 86400 }

/** A new single-use token for `purpose`; older unused ones of the same user and purpose stop working. */
export async function createOneTimeToken(
  req: PayloadRequest,
  purpose: TokenPurpose,
  userId: number,
  email?: string | null,
): Promise<string> {
  const db = await txDb(req)
  await db.execute(sql`UPDATE auth_tokens SET used_at = now() WHERE user_id = ${userId} AND purpose = ${purpose} AND used_at IS NULL`)
  const { token, hash } = newSecretToken()
  const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_SECONDS[purpose] * 1000)
  await db.execute(sql`INSERT INTO auth_tokens (purpose, token_hash, user_id, email, expires_at)
    VALUES (${purpose}, ${hash}, ${userId}, ${email ?? null}, ${expiresAt})`)
  return token
}

/**
 * Spends a token: one conditional UPDATE marks it used only if it is unused and unexpired, so two
 * concurrent uses cannot both succeed. Returns its user (and email), or null.
 */
export async function consumeOneTimeToken(
  req: PayloadRequest,
  purpose: TokenPurpose,
  token: string,
): Promise<{ userId: number; email: string | null } | null> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    UPDATE auth_tokens SET used_at = now()
    WHERE token_hash = ${hashToken(token)} AND purpose = ${purpose} AND used_at IS NULL AND expires_at > now()
    RETURNING user_id, email`)
  const row = result.rows[0] as { user_id: number; email: string | null } | undefined
  return row ? { userId: row.user_id, email: row.email } : null
}
