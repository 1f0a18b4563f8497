import type { Conversation } from '../../../src/domain/chat/createConversation.ts'
import type { ConversationSummary } from '../../../src/domain/chat/listConversations.ts'
import { messageEvent, type MessageView } from '../../../src/domain/chat/messageView.ts'
import { displayName } from '../../../src/domain/chat/chatUsers.ts'
import type { ReadState } from '../../../src/domain/chat/markRoomRead.ts'

/** spec 002's room: name, participant emails, dates (plus id and kind). */
export const serializeConversation = ({ room, participants }: Conversation) => ({
  id: room.id,
  name: room.name,
  kind: room.kind,
  participants: participants.map((user) => user.email ?? String(user.id)),
  created_at: room.createdAt,
  updated_at: room.updatedAt,
})

/** spec 002's message (POST chat/messages/ says room_name; the history says room). */
export const serializePrivateMessage = (message: MessageView) => ({
  id: message.id,
  room_id: message.roomId,
  room_name: message.roomName,
  seq: message.seq,
  sender_email: message.sender?.email ?? null,
  receiver_email: message.receiver?.email ?? null,
  text: message.text,
  timestamp: message.createdAt,
  is_read: message.isRead,
})

export const serializeHistoryMessage = (message: MessageView) => {
  const { room_name: room, ...rest } = serializePrivateMessage(message)
  return { ...rest, room }
}

/** spec 003's message: the `message:new` event without the fields it adds from spec 002. */
export const serializeRoomMessage = (message: MessageView) => {
  const { sender_email: _sender, receiver_email: _receiver, text: _text, timestamp: _timestamp, ...roomMessage } = messageEvent(message)
  return roomMessage
}

export const serializeConversationSummary = (room: ConversationSummary) => ({
  id: room.id,
  name: room.name,
  kind: room.kind,
  participants: room.participants.map((user) => ({ id: user.id, email: user.email, username: displayName(user) })),
  last_seq: room.lastSeq,
  last_read_seq: room.lastReadSeq,
  unread_count: room.unreadCount,
  last_message: room.lastMessage ? serializeRoomMessage(room.lastMessage) : null,
  last_message_at: room.lastMessageAt,
  created_at: room.createdAt,
})

export const serializeReadState = (state: ReadState) => ({
  room_id: state.roomId,
  last_read_seq: state.lastReadSeq,
  unread_count: state.unreadCount,
})
