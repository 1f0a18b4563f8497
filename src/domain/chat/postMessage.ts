import type { PayloadRequest } from 'payload'
import { consume } from '../../lib/rateLimit.ts'
import { txDb, withTransaction } from '../../lib/transaction.ts'
import { enqueue } from '../outbox/enqueue.ts'
import { wakeOutboxWorkers } from '../outbox/wakeWorkers.ts'
import { advanceReadMarker, appendMessage } from './chatRecords.ts'
import { messagesOf, type RoomRow } from './chatQueries.ts'
import { chatLimits } from './limits.ts'
import { messageEvent, viewMessages, type MessageView } from './messageView.ts'
import type { MessageType } from './statuses.ts'

export type OutgoingMessage = { text: string; messageType?: MessageType; metadata?: unknown; receiverId?: number | null }

/** The receiver of a two-person room is the other participant; a group has none. */
const otherParticipant = (room: RoomRow, senderId: number) =>
  room.participantIds.length === 2 ? (room.participantIds.find((id) => id !== senderId) ?? null) : null

/**
 * Stores a message in a room the sender takes part in (the caller checked): numbered in the insert's
 * transaction, the sender's read marker moved to it, and its delivery to the room's sockets (and the
 * receiver's notification) queued in the outbox, which the commit wakes. Rate-limited per sender.
 */
export async function postMessage(req: PayloadRequest, room: RoomRow, senderId: number, message: OutgoingMessage): Promise<MessageView> {
  await consume(chatLimits.messagesBySender(), String(senderId), (seconds) => `Too many messages. Try again in ${seconds} seconds.`)
  return withTransaction(req, async () => {
    const stored = await appendMessage(req, {
      roomId: room.id,
      senderId,
      receiverId: message.receiverId === undefined ? otherParticipant(room, senderId) : message.receiverId,
      text: message.text,
      messageType: message.messageType ?? 'text',
      metadata: message.metadata ?? {},
    })
    await advanceReadMarker(req, room.id, senderId, stored.seq)
    const [row] = await messagesOf(await txDb(req), room.id, { afterSeq: stored.seq - 1, upToSeq: stored.seq })
    const [view] = await viewMessages(req, room, [row])
    await enqueue(req, 'chat.deliver', { room_id: room.id, seq: stored.seq, event: messageEvent(view) })
    await wakeOutboxWorkers(req)
    return view
  })
}
