import type { PayloadRequest } from 'payload'
import { consume } from '../../lib/rateLimit.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { enqueueMany } from '../outbox/enqueueMany.ts'
import { wakeOutboxWorkers } from '../outbox/wakeWorkers.ts'
import { appendMessage } from './chatRecords.ts'
import type { RoomRow } from './chatQueries.ts'
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
    const row = await appendMessage(req, {
      roomId: room.id,
      senderId,
      receiverId: message.receiverId === undefined ? otherParticipant(room, senderId) : message.receiverId,
      text: message.text,
      messageType: message.messageType ?? 'text',
      metadata: message.metadata ?? {},
    })
    const [view] = await viewMessages(req, room, [row])
    // One plain INSERT (enqueueMany): this is the hot path of every message.
    await enqueueMany(req, 'chat.deliver', [{ room_id: room.id, seq: row.seq, event: messageEvent(view) }])
    await wakeOutboxWorkers(req)
    return view
  })
}
