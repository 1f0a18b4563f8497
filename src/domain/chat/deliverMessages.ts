import { createLocalReq } from 'payload'
import { txDb, withTransaction } from '../../lib/transaction.ts'
import { notify } from '../notifications/notify.ts'
import type { OutboxServices } from '../outbox/handlers.ts'
import { userRoom } from '../outbox/rooms.ts'
import { claimDelivery } from './chatRecords.ts'
import { messagesOf, roomById } from './chatQueries.ts'
import { displayName } from './chatUsers.ts'
import { messageEvent, viewMessages, type MessageView } from './messageView.ts'
import { CHAT_EVENTS, chatRoom } from './rooms.ts'

const PREVIEW_LENGTH = 140

/**
 * The outbox's `chat.deliver`: pushes a room's not yet delivered messages up to `seq` to its sockets in
 * seq order (the room's row lock makes concurrent workers take turns, so no message is pushed twice or
 * before an earlier one) and notifies each receiver who has no socket in the room through notify(),
 * which follows their preferences. A room's first delivery first puts its participants' sockets in it.
 */
export async function deliverMessages({ payload, push }: OutboxServices, roomId: number, seq: number): Promise<void> {
  if (!push?.membersOf || !push.join) throw new Error('realtime is not running in this process')
  const { membersOf, join } = push
  const req = await createLocalReq({}, payload)
  await withTransaction(req, async () => {
    const range = await claimDelivery(req, roomId, seq)
    if (!range) return
    const db = await txDb(req)
    const room = await roomById(db, roomId)
    if (!room) return
    const socketRoom = chatRoom(roomId)
    if (range.from === 0) {
      for (const id of room.participantIds) join(userRoom(id), socketRoom)
      for (const id of room.participantIds) push.emit(userRoom(id), CHAT_EVENTS.joined, { room_id: room.id, name: room.name, kind: room.kind })
    }
    const messages = await viewMessages(req, room, await messagesOf(db, roomId, { afterSeq: range.from, upToSeq: range.to }))
    const present = new Set(await membersOf(socketRoom))
    for (const message of messages) push.emit(socketRoom, CHAT_EVENTS.newMessage, messageEvent(message))
    for (const message of messages) {
      const absent = room.participantIds.filter((id) => id !== message.senderId && !present.has(id))
      if (absent.length) await notifyReceived(req, absent, message)
    }
  })
}

function notifyReceived(req: Awaited<ReturnType<typeof createLocalReq>>, recipients: number[], message: MessageView) {
  const from = displayName(message.sender)
  const text = message.text.length > PREVIEW_LENGTH ? `${message.text.slice(0, PREVIEW_LENGTH - 1)}…` : message.text
  return notify(
    recipients,
    'message_received',
    {
      title: `New message from ${from}`,
      message: text,
      actor: { type: 'user', user_id: message.senderId, display_name: from },
      redirect: { kind: 'chat_room', id: message.roomId },
      metadata: { room_id: message.roomId, room: message.roomName, seq: message.seq, message_id: message.id },
    },
    { req, dedupeKey: `chat-message:${message.id}` },
  )
}
