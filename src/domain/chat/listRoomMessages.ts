import type { PayloadRequest } from 'payload'
import { txDb } from '../../lib/transaction.ts'
import { messagesOf, type MessageWindow } from './chatQueries.ts'
import { viewMessages } from './messageView.ts'
import { roomToRead } from './roomAccess.ts'

/** A room's visible messages in seq order, paged; for its participants only (others get the missing room's 404). */
export async function listRoomMessages(req: PayloadRequest, userId: number, roomRef: string | number, window: MessageWindow) {
  const room = await roomToRead(req, roomRef, userId)
  return viewMessages(req, room, await messagesOf(await txDb(req), room.id, window))
}
