import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'
import { iso } from '../../lib/dates.ts'
import { poolOf } from '../../lib/db/pool.ts'
import { intArray } from '../../lib/db/fullText.ts'
import { firstRow } from '../../lib/db/sql.ts'
import { txDb } from '../../lib/transaction.ts'
import type { MessageRow } from './chatQueries.ts'
import type { ModerationInput } from './recordModeration.ts'
import type { RoomKind } from './statuses.ts'

/** The only code that writes the chat area's tables. Everything goes through req's transaction. */

export type NewRoom = { name: string; kind: RoomKind; participantIds: number[]; createdBy: number | null; sessionId: number | null }

/** Inserts a room and its participants; null when the name (or session) is taken. Concurrent creators wait on the unique index. */
export async function insertRoom(req: PayloadRequest, room: NewRoom): Promise<number | null> {
  const db = await txDb(req)
  const inserted = firstRow<{ id: number }>(
    await db.execute(sql`
      INSERT INTO chat_rooms (name, kind, created_by_id, session_id, last_seq, delivered_seq, updated_at, created_at)
      VALUES (${room.name}, ${room.kind}, ${room.createdBy}, ${room.sessionId}, 0, 0, now(), now())
      ON CONFLICT DO NOTHING RETURNING id`),
  )
  if (!inserted) return null
  await db.execute(sql`
    INSERT INTO chat_rooms_rels ("order", parent_id, path, users_id)
    SELECT p.ord, ${inserted.id}, 'participants', p.id FROM unnest(${intArray(room.participantIds)}::int[]) WITH ORDINALITY AS p(id, ord)`)
  return inserted.id
}

export type NewMessage = Pick<MessageRow, 'roomId' | 'senderId' | 'receiverId' | 'text' | 'messageType' | 'metadata'>

/**
 * Numbers and stores a message in one statement, and moves the sender's read marker to it: bumping the
 * room's last_seq locks its row until the transaction ends, so concurrent senders get 1, 2, 3... in
 * commit order, with no gap or repeat.
 */
export async function appendMessage(req: PayloadRequest, message: NewMessage): Promise<MessageRow> {
  const db = await txDb(req)
  const row = firstRow<{ id: number; seq: string; created_at: Date | string }>(
    await db.execute(sql`
      WITH r AS (
        UPDATE chat_rooms SET last_seq = last_seq + 1, last_message_at = now(), updated_at = now()
        WHERE id = ${message.roomId} RETURNING id, last_seq
      ), m AS (
        INSERT INTO chat_messages (room_id, seq, sender_id, receiver_id, text, message_type, metadata, hidden, updated_at, created_at)
        SELECT r.id, r.last_seq, ${message.senderId}, ${message.receiverId}, ${message.text}, ${message.messageType},
          ${message.metadata === undefined || message.metadata === null ? null : JSON.stringify(message.metadata)}::jsonb, false, now(), now()
        FROM r RETURNING id, seq, created_at
      ), marker AS (
        INSERT INTO chat_read_state (room_id, user_id, last_read_seq, updated_at, created_at)
        SELECT r.id, ${message.senderId}, r.last_seq, now(), now() FROM r
        ON CONFLICT (room_id, user_id) DO UPDATE SET last_read_seq = EXCLUDED.last_read_seq, updated_at = now()
        WHERE chat_read_state.last_read_seq < EXCLUDED.last_read_seq
      )
      SELECT id, seq, created_at FROM m`),
  )
  if (!row) throw new Error(`chat room ${message.roomId} vanished while sending`)
  return {
    id: row.id,
    roomId: message.roomId,
    seq: Number(row.seq),
    senderId: message.senderId,
    receiverId: message.receiverId,
    text: message.text,
    messageType: message.messageType,
    metadata: message.metadata ?? {},
    createdAt: iso(row.created_at),
    editedAt: null,
    // The receiver's marker cannot be past a message that did not exist a moment ago.
    isRead: false,
  }
}

/**
 * Moves a user's read marker forward to `seq` (at most the room's last_seq), never back: a device that
 * reports an older position changes nothing. Returns the new marker, or null when it did not move.
 */
export async function advanceReadMarker(req: PayloadRequest, roomId: number, userId: number, seq: number): Promise<number | null> {
  const db = await txDb(req)
  const row = firstRow<{ last_read_seq: string }>(
    await db.execute(sql`
      INSERT INTO chat_read_state (room_id, user_id, last_read_seq, updated_at, created_at)
      SELECT id, ${userId}, LEAST(${seq}, last_seq), now(), now() FROM chat_rooms WHERE id = ${roomId}
      ON CONFLICT (room_id, user_id) DO UPDATE SET last_read_seq = EXCLUDED.last_read_seq, updated_at = now()
      WHERE chat_read_state.last_read_seq < EXCLUDED.last_read_seq
      RETURNING last_read_seq`),
  )
  return row ? Number(row.last_read_seq) : null
}

/**
 * Pushes a room's messages not yet pushed, up to `seq`, holding the room's row lock while `push` runs:
 * deliveries of one room take turns, so whichever worker comes first pushes every earlier message too,
 * in order, and later ones find nothing left. `push` gets the range (from, to] and pushes before the
 * commit, so a later worker can never push ahead of it. Returns the range pushed, or null.
 */
export async function deliverInOrder(
  payload: Payload,
  roomId: number,
  seq: number,
  push: (from: number, to: number) => Promise<void>,
): Promise<{ from: number; to: number } | null> {
  const client = await poolOf(payload).connect()
  try {
    await client.query('BEGIN')
    // Deliveries of a room take turns on an advisory lock, not the room's row: senders never wait for a push.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('chat-delivery'), $1)`, [roomId])
    const { rows } = await client.query<{ delivered_seq: string; last_seq: string }>(
      'SELECT delivered_seq, last_seq FROM chat_rooms WHERE id = $1',
      [roomId],
    )
    const from = Number(rows[0]?.delivered_seq ?? 0)
    const to = Math.min(seq, Number(rows[0]?.last_seq ?? 0))
    if (to <= from) {
      await client.query('COMMIT')
      return null
    }
    await push(from, to)
    await client.query('UPDATE chat_rooms SET delivered_seq = GREATEST(delivered_seq, $2) WHERE id = $1', [roomId, to])
    await client.query('COMMIT')
    return { from, to }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}

export async function insertModerationLog(req: PayloadRequest, input: ModerationInput): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`
    INSERT INTO chat_moderation_log (action, message_id, room_id, moderator_id, reason, updated_at, created_at)
    VALUES (${input.action}, ${input.messageId}, ${input.roomId}, ${input.moderatorId}, ${input.reason}, now(), now())`)
}
