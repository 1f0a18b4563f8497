import { createLocalReq, type Payload, type TypedUser } from 'payload'
import type { Socket } from 'socket.io'
import { z } from 'zod'
import { CHAT_EVENTS, chatRoom } from '../domain/chat/rooms.ts'
import { NOT_A_PARTICIPANT } from '../domain/chat/roomAccess.ts'
import { sendRoomMessage } from '../domain/chat/sendRoomMessage.ts'
import { missedMessages, roomIdsOfUser, sessionRoomFor, takesPartIn } from '../domain/chat/socketAccess.ts'
import { MAX_MESSAGE_LENGTH } from '../domain/chat/statuses.ts'
import { AppError } from '../lib/errors.ts'
import { logger } from '../lib/logger.ts'
import type { PlainClient, PlainRoute, PlainSend } from './plainWebSocket.ts'

/** Sends an event to a socket.io room and the plain WebSocket clients in it (on every instance). */
export type Broadcast = (room: string, event: string, data: unknown, except?: { socket?: Socket; plain?: PlainClient }) => void

type Ack = ((reply: unknown) => void) | undefined

const RoomIdField = z.coerce.number().int().positive()
const SyncRequest = z.object({ rooms: z.record(z.string(), z.coerce.number().int().min(0)) })
const TypingRequest = z.object({ room_id: RoomIdField })
const SessionMessage = z.object({
  text: z.string().min(1).max(MAX_MESSAGE_LENGTH).optional(),
  message: z.string().min(1).max(MAX_MESSAGE_LENGTH).optional(),
})

/** The socket.io rooms of a user's chat rooms, looked up at the handshake (joined before `ready`). */
export async function chatRoomsOf(payload: Payload, user: TypedUser): Promise<string[]> {
  return (await roomIdsOfUser(payload, user.id)).map(chatRoom)
}

/** A participant's socket may be outside a room created after it connected: it joins on first use. */
async function inRoom(payload: Payload, socket: Socket, user: TypedUser, roomId: number): Promise<boolean> {
  if (socket.rooms.has(chatRoom(roomId))) return true
  if (!(await takesPartIn(payload, roomId, user.id))) return false
  await socket.join(chatRoom(roomId))
  return true
}

/** Sends each missed message of the rooms, in seq order; returns how many per room and the rooms refused. */
async function replay(payload: Payload, user: TypedUser, rooms: Record<string, number>, send: PlainSend) {
  const synced: Record<string, number> = {}
  const refused: number[] = []
  for (const [key, seq] of Object.entries(rooms)) {
    const roomId = Number(key)
    const missed = Number.isInteger(roomId) && roomId > 0 ? await missedMessages(payload, user.id, roomId, seq) : null
    if (!missed) {
      refused.push(roomId)
      continue
    }
    for (const message of missed) send(CHAT_EVENTS.newMessage, message)
    synced[key] = missed.length
  }
  return { rooms: synced, refused }
}

/**
 * A socket.io client's chat events: `chat:sync` {rooms: {<room_id>: <last seq it has>}} replays what it
 * missed as `message:new` in seq order (ack: counts per room, and the rooms refused), and `typing`
 * {room_id} tells the room's other sockets. Both only for rooms the user takes part in.
 */
export function attachChat(payload: Payload, socket: Socket, user: TypedUser, broadcast: Broadcast): void {
  const answer = (ack: Ack, reply: unknown) => (typeof ack === 'function' ? ack(reply) : undefined)
  socket.on(CHAT_EVENTS.sync, (raw: unknown, ack: Ack) => {
    const parsed = SyncRequest.safeParse(raw)
    if (!parsed.success) return answer(ack, { error: 'Send {rooms: {<room_id>: <last seq>}}.' })
    replay(payload, user, parsed.data.rooms, (event, data) => socket.emit(event, data))
      .then((result) => answer(ack, result))
      .catch((error) => {
        logger.warn({ err: error }, 'chat sync failed')
        answer(ack, { error: 'Sync failed.' })
      })
  })
  socket.on(CHAT_EVENTS.typing, (raw: unknown, ack: Ack) => {
    const parsed = TypingRequest.safeParse(raw)
    if (!parsed.success) return answer(ack, { error: 'Send {room_id}.' })
    const roomId = parsed.data.room_id
    inRoom(payload, socket, user, roomId)
      .then((member) => {
        if (!member) return answer(ack, { error: NOT_A_PARTICIPANT })
        broadcast(chatRoom(roomId), CHAT_EVENTS.typing, { room_id: roomId, user_id: user.id }, { socket })
        answer(ack, { ok: true })
      })
      .catch((error) => logger.warn({ err: error }, 'chat typing failed'))
  })
}

const detailOf = (error: unknown) =>
  error instanceof AppError && typeof error.detail === 'string' ? error.detail : 'The message could not be sent.'

/**
 * spec 001's `/ws/sessions/{session_id}/chat/`: the session's two participants only (others 403, no such
 * session room 404). The client gets `message:new`, `message:read` and `typing` as `{type, data}`; it sends
 * `{"type": "message", "data": {"text": "..."}}`, `{"type": "typing"}`, and `{"type": "chat:sync", "data":
 * {"seq": <last seq it has>}}` (or `?since=<seq>` on connecting) to receive what it missed.
 */
export function sessionChatRoute(payload: Payload, broadcast: Broadcast): PlainRoute {
  const roomOf = new WeakMap<PlainClient, number>()
  const sync = (client: PlainClient, seq: number) => {
    const roomId = roomOf.get(client)
    return roomId ? replay(payload, client.user, { [roomId]: seq }, client.send) : undefined
  }
  return {
    path: /^\/ws\/sessions\/(\d{1,9})\/chat\/?$/,
    async admit(user, match) {
      const access = await sessionRoomFor(payload, Number(match[1]), user.id)
      if (access === 'missing') return 404
      if (access === 'forbidden') return 403
      return [chatRoom(access.roomId)]
    },
    async onConnect(client, params) {
      const roomId = Number(client.rooms[0].slice('chat:'.length))
      roomOf.set(client, roomId)
      client.send('ready', { user_id: client.user.id, room_id: roomId })
      const since = params.get('since')
      if (since !== null && /^\d+$/.test(since)) await sync(client, Number(since))
    },
    async onMessage(client, message) {
      const roomId = roomOf.get(client)
      if (!roomId) return
      if (message.type === CHAT_EVENTS.typing) {
        return broadcast(chatRoom(roomId), CHAT_EVENTS.typing, { room_id: roomId, user_id: client.user.id }, { plain: client })
      }
      if (message.type === CHAT_EVENTS.sync) {
        const seq = z.object({ seq: z.coerce.number().int().min(0) }).safeParse(message.data)
        if (!seq.success) return client.send('error', { detail: 'Send {"type": "chat:sync", "data": {"seq": <last seq>}}.' })
        await sync(client, seq.data.seq)
        return
      }
      if (message.type !== 'message') return client.send('error', { detail: `Unknown message type "${message.type}".` })
      const body = SessionMessage.safeParse(message.data)
      const text = body.success ? (body.data.text ?? body.data.message) : undefined
      if (!text) return client.send('error', { detail: `Send the text, 1 to ${MAX_MESSAGE_LENGTH} characters.` })
      try {
        await sendRoomMessage(await createLocalReq({ user: client.user }, payload), client.user.id, roomId, { text })
      } catch (error) {
        client.send('error', { detail: detailOf(error) })
      }
    },
  }
}
