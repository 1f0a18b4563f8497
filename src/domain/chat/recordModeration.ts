import type { PayloadRequest } from 'payload'
import { enqueue } from '../outbox/enqueue.ts'
import { wakeOutboxWorkers } from '../outbox/wakeWorkers.ts'
import { insertModerationLog } from './chatRecords.ts'
import { CHAT_EVENTS, chatRoom } from './rooms.ts'
import type { ModerationAction } from './statuses.ts'

export type ModerationInput = {
  messageId: number
  roomId: number
  seq: number
  action: ModerationAction
  moderatorId: number | null
  reason: string | null
}

/**
 * Logs a staff hide/unhide of a message in req's transaction and tells the room's sockets, after commit,
 * so open clients drop (or show again) the message.
 */
export async function recordModeration(req: PayloadRequest, input: ModerationInput): Promise<void> {
  await insertModerationLog(req, input)
  await enqueue(req, 'realtime.emit', {
    room: chatRoom(input.roomId),
    event: CHAT_EVENTS.hidden,
    data: { room_id: input.roomId, message_id: input.messageId, seq: input.seq, hidden: input.action === 'hide' },
  })
  await wakeOutboxWorkers(req)
}
