import { sql } from '@payloadcms/db-postgres'
import { iso, isoOrNull } from '../../lib/dates.ts'
import { firstRow } from '../../lib/db/sql.ts'
import type { Db } from '../../lib/transaction.ts'
import type { MessageType, RoomKind } from './statuses.ts'

type SQL = ReturnType<typeof sql>

/** Reads of the chat area's tables (chatRecords.ts writes them). */

export type RoomRow = {
  id: number
  name: string
  kind: RoomKind
  sessionId: number | null
  lastSeq: number
  participantIds: number[]
  lastMessageAt: string | null
  createdAt: string
  updatedAt: string
}

export type MessageRow = {
  id: number
  roomId: number
  seq: number
  senderId: number
  receiverId: number | null
  text: string
  messageType: MessageType
  metadata: unknown
  createdAt: string
  editedAt: string | null
  /** The receiver's read marker has reached it. */
  isRead: boolean
}

const ROOM_COLUMNS = sql`r.id, r.name, r.kind, r.session_id, r.last_seq, r.last_message_at, r.created_at, r.updated_at,
  ARRAY(SELECT p.users_id FROM chat_rooms_rels p WHERE p.parent_id = r.id AND p.path = 'participants' ORDER BY p."order") AS participant_ids`

type RawRoom = {
  id: number
  name: string
  kind: RoomKind
  session_id: string | null
  last_seq: string
  last_message_at: Date | string | null
  created_at: Date | string
  updated_at: Date | string
  participant_ids: number[]
}

export const toRoom = (row: RawRoom): RoomRow => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  sessionId: row.session_id === null ? null : Number(row.session_id),
  lastSeq: Number(row.last_seq),
  participantIds: row.participant_ids.map(Number),
  lastMessageAt: isoOrNull(row.last_message_at),
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
})

async function oneRoom(db: Db, where: SQL): Promise<RoomRow | null> {
  const row = firstRow<RawRoom>(await db.execute(sql`SELECT ${ROOM_COLUMNS} FROM chat_rooms r WHERE ${where}`))
  return row ? toRoom(row) : null
}

export const roomByName = (db: Db, name: string) => oneRoom(db, sql`r.name = ${name}`)
export const roomById = (db: Db, id: number) => oneRoom(db, sql`r.id = ${id}`)
export const roomBySession = (db: Db, sessionId: number) => oneRoom(db, sql`r.session_id = ${sessionId}`)

/** Ids of the rooms a user takes part in (the socket.io rooms their sockets join). */
export async function roomIdsOf(db: Db, userId: number): Promise<number[]> {
  const result = await db.execute(sql`SELECT parent_id FROM chat_rooms_rels WHERE path = 'participants' AND users_id = ${userId}`)
  return (result.rows as { parent_id: number }[]).map((row) => row.parent_id)
}

export type RoomSummaryRow = RoomRow & { unreadCount: number; lastReadSeq: number; lastMessage: MessageRow | null }

/** A user's rooms, latest activity first, each with its unread count (last_seq - last_read_seq) and last visible message. */
export async function roomsOf(db: Db, userId: number): Promise<RoomSummaryRow[]> {
  const result = await db.execute(sql`
    SELECT ${ROOM_COLUMNS}, COALESCE(rs.last_read_seq, 0) AS last_read_seq, to_jsonb(lm) AS last_message
    FROM chat_rooms r
    JOIN chat_rooms_rels me ON me.parent_id = r.id AND me.path = 'participants' AND me.users_id = ${userId}
    LEFT JOIN chat_read_state rs ON rs.room_id = r.id AND rs.user_id = ${userId}
    LEFT JOIN LATERAL (
      SELECT ${MESSAGE_COLUMNS} FROM chat_messages m
      LEFT JOIN chat_read_state rr ON rr.room_id = m.room_id AND rr.user_id = m.receiver_id
      WHERE m.room_id = r.id AND NOT m.hidden ORDER BY m.seq DESC LIMIT 1
    ) lm ON true
    ORDER BY r.last_message_at DESC NULLS LAST, r.id DESC`)
  return (result.rows as (RawRoom & { last_read_seq: string; last_message: RawMessage | null })[]).map((row) => {
    const room = toRoom(row)
    const lastReadSeq = Number(row.last_read_seq)
    return { ...room, lastReadSeq, unreadCount: room.lastSeq - lastReadSeq, lastMessage: row.last_message && toMessage(row.last_message) }
  })
}

const MESSAGE_COLUMNS = sql`m.id, m.room_id, m.seq, m.sender_id, m.receiver_id, m.text, m.message_type, m.metadata, m.created_at,
  m.edited_at, COALESCE(rr.last_read_seq, 0) >= m.seq AS is_read`

type RawMessage = {
  id: number
  room_id: number
  seq: string | number
  sender_id: number
  receiver_id: number | null
  text: string
  message_type: MessageType
  metadata: unknown
  created_at: Date | string
  edited_at: Date | string | null
  is_read: boolean
}

const toMessage = (row: RawMessage): MessageRow => ({
  id: row.id,
  roomId: row.room_id,
  seq: Number(row.seq),
  senderId: row.sender_id,
  receiverId: row.receiver_id,
  text: row.text,
  messageType: row.message_type,
  metadata: row.metadata ?? {},
  createdAt: iso(row.created_at),
  editedAt: isoOrNull(row.edited_at),
  isRead: row.is_read,
})

export type MessageWindow = { afterSeq?: number; upToSeq?: number; offset?: number; limit?: number }

/** A room's visible messages (not hidden by moderation) in seq order: after `afterSeq`, up to `upToSeq`, paged. */
export async function messagesOf(db: Db, roomId: number, window: MessageWindow = {}): Promise<MessageRow[]> {
  const result = await db.execute(sql`
    SELECT ${MESSAGE_COLUMNS} FROM chat_messages m
    LEFT JOIN chat_read_state rr ON rr.room_id = m.room_id AND rr.user_id = m.receiver_id
    WHERE m.room_id = ${roomId} AND NOT m.hidden AND m.seq > ${window.afterSeq ?? 0}
      AND (${window.upToSeq ?? null}::numeric IS NULL OR m.seq <= ${window.upToSeq ?? null}::numeric)
    ORDER BY m.seq LIMIT ${window.limit ?? 1000} OFFSET ${window.offset ?? 0}`)
  return (result.rows as RawMessage[]).map(toMessage)
}

/** The delivered_seq of a room: everything up to it has been pushed to the room's sockets. */
export async function deliveredSeq(db: Db, roomId: number): Promise<number> {
  const row = firstRow<{ delivered_seq: string }>(await db.execute(sql`SELECT delivered_seq FROM chat_rooms WHERE id = ${roomId}`))
  return row ? Number(row.delivered_seq) : 0
}
