import { createLocalReq, type Payload } from 'payload'
import { rootDb } from '../../lib/transaction.ts'
import { deliveredSeq, messagesOf, roomById, roomBySession, roomIdsOf } from './chatQueries.ts'
import { messageEvent, viewMessages, type MessageEvent } from './messageView.ts'
import { takesPart } from './roomAccess.ts'

/** What the realtime layer asks the chat: which rooms a socket's user is in, and what they missed. */

/** The rooms a user's sockets join at the handshake. */
export const roomIdsOfUser = (payload: Payload, userId: number) => roomIdsOf(rootDb(payload), userId)

export async function takesPartIn(payload: Payload, roomId: number, userId: number): Promise<boolean> {
  const room = await roomById(rootDb(payload), roomId)
  return Boolean(room && takesPart(room, userId))
}

const SYNC_LIMIT = 500

/**
 * chat:sync: the visible messages of a room after `afterSeq` that were already pushed (later ones still
 * reach the socket, which is in the room, as live pushes), oldest first; null when the user is not a
 * participant.
 */
export async function missedMessages(payload: Payload, userId: number, roomId: number, afterSeq: number): Promise<MessageEvent[] | null> {
  const db = rootDb(payload)
  const room = await roomById(db, roomId)
  if (!room || !takesPart(room, userId)) return null
  const upToSeq = await deliveredSeq(db, roomId)
  if (upToSeq <= afterSeq) return []
  const rows = await messagesOf(db, roomId, { afterSeq, upToSeq, limit: SYNC_LIMIT })
  return (await viewMessages(await createLocalReq({}, payload), room, rows)).map(messageEvent)
}

export type SessionRoomAccess = { roomId: number } | 'missing' | 'forbidden'

/** spec 001's session chat socket: the session's room, for its two participants only. */
export async function sessionRoomFor(payload: Payload, sessionId: number, userId: number): Promise<SessionRoomAccess> {
  const room = await roomBySession(rootDb(payload), sessionId)
  if (!room) return 'missing'
  return takesPart(room, userId) ? { roomId: room.id } : 'forbidden'
}
