import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { firstRow } from '../../lib/db/sql.ts'
import { txDb } from '../../lib/transaction.ts'
import type { SessionStatus } from './statuses.ts'

export type SessionParticipants = { sessionId: number; userId: number; friendId: number; status: SessionStatus }

/**
 * A session's two participants, its user and its friend: the only members of its chat
 * (/ws/sessions/{id}/chat/). Null for an unknown session. Read by the system: the caller decides who asks.
 */
export async function sessionParticipants(req: PayloadRequest, sessionId: number): Promise<SessionParticipants | null> {
  const db = await txDb(req)
  const row = firstRow<{ id: number; user_id: number; friend_id: number; status: SessionStatus }>(
    await db.execute(sql`SELECT id, user_id, friend_id, status FROM friend_sessions WHERE id = ${sessionId}`),
  )
  return row ? { sessionId: row.id, userId: row.user_id, friendId: row.friend_id, status: row.status } : null
}

/** True when `userId` is the session's user or its friend (staff are not members of a private session). */
export async function isSessionParticipant(req: PayloadRequest, sessionId: number, userId: number): Promise<boolean> {
  const participants = await sessionParticipants(req, sessionId)
  return participants !== null && (participants.userId === userId || participants.friendId === userId)
}
