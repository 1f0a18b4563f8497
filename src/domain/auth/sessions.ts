import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'
import { poolOf } from '../../lib/db/pool.ts'
import { txDb, withTransaction } from '../../lib/transaction.ts'
import { revokeFamilyRows } from './refreshSession.ts'
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
  return withTransaction(req, async () => {
    const db = await txDb(req)
    const owned = await db.execute(sql`SELECT 1 FROM refresh_tokens WHERE family = ${sessionId} AND user_id = ${userId} LIMIT 1`)
    if (owned.rows.length === 0) return false
    return (await revokeFamilyRows(req, sessionId, reason)) > 0
  })
}

/** Ends every session of the user except `keep` (logout-all; password changes end them all). */
export async function revokeOtherSessions(req: PayloadRequest, userId: number, keep: string | null, reason = 'logout_all'): Promise<number> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = ${reason}
    WHERE user_id = ${userId} AND revoked_at IS NULL AND (${keep}::text IS NULL OR family <> ${keep})`)
  return result.rowCount ?? 0
}

/** The session a refresh token belongs to, when it exists and belongs to the given user (if any). */
export async function sessionOfRefreshToken(req: PayloadRequest, token: string): Promise<{ id: string; userId: number } | null> {
  const db = await txDb(req)
  const result = await db.execute(sql`SELECT family, user_id FROM refresh_tokens WHERE token_hash = ${hashToken(token)}`)
  const row = result.rows[0] as { family: string; user_id: number } | undefined
  return row ? { id: row.family, userId: row.user_id } : null
}

/** Whether an access token's session may still be used: false once logged out, revoked or expired. */
export async function isSessionActive(payload: Payload, sessionId: string): Promise<boolean> {
  const { rows } = await poolOf(payload).query(
    'SELECT 1 FROM refresh_tokens WHERE family = $1 AND revoked_at IS NULL AND expires_at > now() LIMIT 1',
    [sessionId],
  )
  return rows.length > 0
}
