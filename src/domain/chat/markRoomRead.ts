import type { PayloadRequest } from 'payload'
import { txDb, withTransaction } from '../../lib/transaction.ts'
import { enqueue } from '../outbox/enqueue.ts'
import { wakeOutboxWorkers } from '../outbox/wakeWorkers.ts'
import { advanceReadMarker } from './chatRecords.ts'
import { roomById } from './chatQueries.ts'
import { roomToRead } from './roomAccess.ts'
import { CHAT_EVENTS, chatRoom } from './rooms.ts'

export type ReadState = { roomId: number; lastReadSeq: number; unreadCount: number; moved: boolean }

/**
 * Moves the caller's read marker in a room forward to `seq` (capped at the room's last message); an older
 * seq from another device changes nothing. A move is pushed to the room as `message:read`.
 */
export async function markRoomRead(req: PayloadRequest, userId: number, roomRef: string | number, seq: number): Promise<ReadState> {
  const room = await roomToRead(req, roomRef, userId)
  return withTransaction(req, async () => {
    const moved = await advanceReadMarker(req, room.id, userId, seq)
    if (moved !== null) {
      await enqueue(req, 'realtime.emit', {
        room: chatRoom(room.id),
        event: CHAT_EVENTS.read,
        data: { room_id: room.id, user_id: userId, seq: moved },
      })
      await wakeOutboxWorkers(req)
    }
    const db = await txDb(req)
    const current = await roomById(db, room.id)
    const marker = moved ?? (await readMarker(req, room.id, userId))
    return { roomId: room.id, lastReadSeq: marker, unreadCount: (current?.lastSeq ?? room.lastSeq) - marker, moved: moved !== null }
  })
}

async function readMarker(req: PayloadRequest, roomId: number, userId: number): Promise<number> {
  const { docs } = await req.payload.find({
    collection: 'chat-read-state',
    overrideAccess: true,
    req,
    depth: 0,
    limit: 1,
    where: { and: [{ room: { equals: roomId } }, { user: { equals: userId } }] },
    select: { last_read_seq: true },
  })
  return docs[0]?.last_read_seq ?? 0
}
