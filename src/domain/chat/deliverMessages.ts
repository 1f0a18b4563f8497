import { createLocalReq, type Payload } from 'payload'
import { rootDb } from '../../lib/transaction.ts'
import { notify } from '../notifications/notify.ts'
import type { OutboxData } from '../outbox/topics.ts'
import type { OutboxServices } from '../outbox/handlers.ts'
import { userRoom } from '../outbox/rooms.ts'
import { deliverInOrder } from './chatRecords.ts'
import { messagesOf, roomById, type RoomRow } from './chatQueries.ts'
import { messageEvent, viewMessages, type MessageEvent } from './messageView.ts'
import { CHAT_EVENTS, chatRoom } from './rooms.ts'

const PREVIEW_LENGTH = 140

/**
 * The outbox's `chat.deliver`: pushes a room's messages up to `seq` to its sockets in seq order, each
 * once (deliverInOrder), then notifies every participant other than the sender who has no socket in the
 * room through notify(), which follows their preferences. The usual case, the message next in line, is
 * pushed from the outbox row without reading it back. A room's first delivery first puts its
 * participants' sockets in it.
 */
export async function deliverMessages({ payload, push }: OutboxServices, delivery: OutboxData<'chat.deliver'>): Promise<void> {
  if (!push?.membersOf || !push.join) throw new Error('realtime is not running in this process')
  const { membersOf, join } = push
  const room = await roomById(rootDb(payload), delivery.room_id)
  if (!room) return
  const socketRoom = chatRoom(room.id)
  await deliverInOrder(payload, room.id, delivery.seq, async (from, to) => {
    if (from === 0) {
      for (const id of room.participantIds) join(userRoom(id), socketRoom)
      for (const id of room.participantIds)
        push.emit(userRoom(id), CHAT_EVENTS.joined, { room_id: room.id, name: room.name, kind: room.kind })
    }
    // cast: the event was built by messageEvent() in the sender's transaction (postMessage)
    const events =
      from === delivery.seq - 1 && to === delivery.seq ? [delivery.event as MessageEvent] : await storedEvents(payload, room, from, to)
    const present = new Set(await membersOf(socketRoom))
    for (const event of events) push.emit(socketRoom, CHAT_EVENTS.newMessage, event)
    // Before the commit: a failure retries the delivery, and the dedupe key keeps a retry from notifying twice.
    for (const event of events) {
      const absent = room.participantIds.filter((id) => id !== event.user_id && !present.has(id))
      if (absent.length) await notifyReceived(payload, absent, event)
    }
  })
}

async function storedEvents(payload: Payload, room: RoomRow, from: number, to: number): Promise<MessageEvent[]> {
  const rows = await messagesOf(rootDb(payload), room.id, { afterSeq: from, upToSeq: to })
  return (await viewMessages(await createLocalReq({}, payload), room, rows)).map(messageEvent)
}

/** message_received, once per message and recipient (the dedupe key makes a retried delivery notify nobody twice). */
async function notifyReceived(payload: Payload, recipients: number[], event: MessageEvent) {
  const text = event.message.length > PREVIEW_LENGTH ? `${event.message.slice(0, PREVIEW_LENGTH - 1)}…` : event.message
  await notify(
    recipients,
    'message_received',
    {
      title: `New message from ${event.username}`,
      message: text,
      actor: { type: 'user', user_id: event.user_id, display_name: event.username },
      redirect: { kind: 'chat_room', id: event.room_id },
      metadata: { room_id: event.room_id, room: event.room, seq: event.seq, message_id: event.id },
    },
    { req: await createLocalReq({}, payload), dedupeKey: `chat-message:${event.id}` },
  )
}
