import { createConversation } from '../../../src/domain/chat/createConversation.ts'
import { listConversations } from '../../../src/domain/chat/listConversations.ts'
import { listRoomMessages } from '../../../src/domain/chat/listRoomMessages.ts'
import { markRoomRead } from '../../../src/domain/chat/markRoomRead.ts'
import { NOT_A_PARTICIPANT } from '../../../src/domain/chat/roomAccess.ts'
import { sendPrivateMessage } from '../../../src/domain/chat/sendPrivateMessage.ts'
import { sendRoomMessage } from '../../../src/domain/chat/sendRoomMessage.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import {
  ConversationOut,
  ConversationSummaryOut,
  CreateConversationBody,
  HistoryMessageOut,
  HistoryQuery,
  PrivateMessageBody,
  PrivateMessageOut,
  ReadBody,
  ReadStateOut,
  RoomIdParams,
  RoomMessageOut,
  RoomNameParams,
  RoomRefParams,
  SendBody,
} from './schemas.ts'
import {
  serializeConversation,
  serializeConversationSummary,
  serializeHistoryMessage,
  serializePrivateMessage,
  serializeReadState,
  serializeRoomMessage,
} from './serialize.ts'

/**
 * The chat: spec 002's investor<->startup conversations (DRF bodies), spec 003's chat/send and
 * chat/{room_id}, and read markers. Live delivery is over socket.io and the plain WebSocket (src/realtime).
 */
export const chatRoutes = v1Router('/chat')

const forum = { auth: 'user', envelope: 'forum' } as const
const plain = { auth: 'user' } as const
/** Both histories page the same way (HistoryQuery). */
const historyWindow = (query: { after_seq: number; skip: number; limit: number }) => ({
  afterSeq: query.after_seq,
  offset: query.skip,
  limit: query.limit,
})

chatRoutes.post(
  '/conversations',
  {
    ...forum,
    summary: 'Creates the private room of one investor and one startup (one of them the caller)',
    body: CreateConversationBody,
    responses: {
      201: ConversationOut,
      200: 'The same room already exists for the same two participants',
      400: 'Private room must have exactly 2 participants. / one investor and one startup',
      403: NOT_A_PARTICIPANT,
      409: 'The name is taken by another room',
    },
  },
  async ({ req, user, body }) => {
    const conversation = await createConversation(req, user, { name: body.name, emails: body.participants })
    return { status: conversation.created ? 201 : 200, body: serializeConversation(conversation) }
  },
)

chatRoutes.get(
  '/conversations',
  { ...forum, summary: "The caller's rooms with unread counts and last messages", responses: { 200: ConversationSummaryOut.array() } },
  async ({ req, user }) => ({ body: (await listConversations(req, user.id)).map(serializeConversationSummary) }),
)

chatRoutes.get(
  '/conversations/:room_name/messages',
  {
    ...forum,
    summary: "A room's messages in seq order (participants only)",
    params: RoomNameParams,
    query: HistoryQuery,
    responses: { 200: HistoryMessageOut.array(), 404: "Room '<name>' does not exist. (also for non-participants)" },
  },
  async ({ req, user, params, query }) => {
    const messages = await listRoomMessages(req, user.id, params.room_name, historyWindow(query))
    return { body: messages.map(serializeHistoryMessage) }
  },
)

chatRoutes.post(
  '/messages',
  {
    ...forum,
    summary: 'Sends a message in a private room, creating the room if needed',
    body: PrivateMessageBody,
    responses: {
      201: PrivateMessageOut,
      400: 'Private room must have exactly 2 participants.',
      403: NOT_A_PARTICIPANT,
      429: 'Too many messages',
    },
  },
  async ({ req, user, body }) => {
    const message = await sendPrivateMessage(req, user, {
      roomName: body.room_name,
      senderEmail: body.sender_email,
      receiverEmail: body.receiver_email,
      text: body.text,
    })
    return { status: 201, body: serializePrivateMessage(message) }
  },
)

chatRoutes.post(
  '/send',
  {
    ...plain,
    summary: 'Sends a message to a room (by id or name) the caller takes part in',
    body: SendBody,
    responses: { 201: RoomMessageOut, 403: NOT_A_PARTICIPANT, 404: 'No such room', 429: 'Too many messages' },
  },
  async ({ req, user, body }) => {
    const message = await sendRoomMessage(req, user.id, body.room_id, {
      text: body.message,
      messageType: body.message_type,
      metadata: body.metadata,
    })
    return { status: 201, body: serializeRoomMessage(message) }
  },
)

chatRoutes.post(
  '/rooms/:id/read',
  {
    ...plain,
    summary: "Moves the caller's read marker forward to seq (never back)",
    params: RoomIdParams,
    body: ReadBody,
    responses: { 200: ReadStateOut, 404: 'No such room, or not a participant' },
  },
  async ({ req, user, params, body }) => ({ body: serializeReadState(await markRoomRead(req, user.id, params.id, body.seq)) }),
)

chatRoutes.get(
  '/:room_id',
  {
    ...plain,
    summary: "A room's messages in seq order, skip/limit (participants only)",
    params: RoomRefParams,
    query: HistoryQuery,
    responses: { 200: RoomMessageOut.array(), 404: 'No such room, or not a participant' },
  },
  async ({ req, user, params, query }) => {
    const messages = await listRoomMessages(req, user.id, params.room_id, historyWindow(query))
    return { body: messages.map(serializeRoomMessage) }
  },
)
