import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { txDb, type Db } from '../../lib/transaction.ts'
import { hashToken } from './tokenHash.ts'

export type SessionSummary = {
  id: string
  user_agent: string | null
  ip: string | null
  created_at: Date
  last_used_at: Date | null
  expires_at: Date
}

/** The caller's sessions that can still refresh: one per sign-in, described by its newest token. */
export async function listSessions(req: PayloadRequest, userId: number): Promise<SessionSummary[]> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    SELECT DISTINCT ON (family) family AS id, user_agent, ip, last_used_at, expires_at,
      (SELECT min(created_at) FROM refresh_tokens first WHERE first.family = t.family) AS created_at
    FROM refresh_tokens t
    WHERE user_id = ${userId} AND revoked_at IS NULL AND expires_at > now()
    ORDER BY family, created_at DESC`)
  const sessions = result.rows as SessionSummary[]
  return sessions.sort((a, b) => new Date(b.last_used_at ?? 0).getTime() - new Date(a.last_used_at ?? 0).getTime())
}

/** Ends one of the user's sessions. False when it is not theirs or already over (the route answers 404). */
export async function revokeSession(req: PayloadRequest, userId: number, sessionId: string, reason = 'session_revoked'): Promise<boolean> {
  return (await revokeFamilyRows(req, sessionId, reason, { owner: userId })) > 0
}

/**
 * Revokes every still-valid token of a family (one sign-in session), in one statement; with `owner`, only
 * if the family is that user's (every token of a family belongs to the user who signed in).
 */
export async function revokeFamilyRows(
  req: PayloadRequest,
  family: string,
  reason: string,
  { now = new Date(), owner }: { now?: Date; owner?: number } = {},
): Promise<number> {
  const db = await txDb(req)
  const ownedBy = owner === undefined ? sql`` : sql` AND user_id = ${owner}`
  const result = await db.execute(
    sql`UPDATE refresh_tokens SET revoked_at = ${now}, revoked_reason = ${reason} WHERE family = ${family}${ownedBy} AND revoked_at IS NULL`,
  )
  return result.rowCount ?? 0
}

/** Ends every session of the user except `keep` (logout-all; password changes end them all). */
export async function revokeOtherSessions(
  req: PayloadRequest,
  userId: number,
  keep: string | null,
  reason = 'logout_all',
): Promise<number> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = ${reason}
    WHERE user_id = ${userId} AND revoked_at IS NULL AND (${keep}::text IS NULL OR family <> ${keep})`)
  return result.rowCount ?? 0
}

/** The session (refresh-token family) a refresh token belongs to, if the token exists. */
export async function sessionOfRefreshToken(req: PayloadRequest, token: string): Promise<string | null> {
  const db = await txDb(req)
  const result = await db.execute(sql`SELECT family FROM refresh_tokens WHERE token_hash = ${hashToken(token)}`)
  const row = result.rows[0] as { family: string } | undefined
  return row?.family ?? null
}

/**
 * Whether a session may still be used: false once logged out, revoked or expired. `db` is the request's
 * transaction while refreshing, and rootDb when authenticating an access token.
 */
export async function isSessionActive(db: Db, sessionId: string): Promise<boolean> {
  const active = await db.execute(
    sql`SELECT 1 FROM refresh_tokens WHERE family = ${sessionId} AND revoked_at IS NULL AND expires_at > now() LIMIT 1`,
  )
  return active.rows.length > 0
}
