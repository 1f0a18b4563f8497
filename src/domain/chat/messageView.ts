import type { PayloadRequest } from 'payload'
import type { MessageRow, RoomRow } from './chatQueries.ts'
import { displayName, usersById, type ChatUser } from './chatUsers.ts'

/** A message with its room's name and its sender and receiver as the chat shows them. */
export type MessageView = MessageRow & { roomName: string; sender: ChatUser | undefined; receiver: ChatUser | undefined }

export async function viewMessages(req: PayloadRequest, room: Pick<RoomRow, 'name'>, rows: MessageRow[]): Promise<MessageView[]> {
  const users = await usersById(
    req,
    rows.flatMap((row) => (row.receiverId === null ? [row.senderId] : [row.senderId, row.receiverId])),
  )
  return rows.map((row) => ({
    ...row,
    roomName: room.name,
    sender: users.get(row.senderId),
    receiver: row.receiverId === null ? undefined : users.get(row.receiverId),
  }))
}

/**
 * The `message:new` event: spec 003's message fields plus spec 002's (room, sender_email, receiver_email,
 * timestamp), `room_id` and `seq` (a client keeps the last seq per room for chat:sync).
 */
export function messageEvent(message: MessageView) {
  return {
    id: message.id,
    room_id: message.roomId,
    room: message.roomName,
    seq: message.seq,
    user_id: message.senderId,
    username: displayName(message.sender),
    sender_email: message.sender?.email ?? null,
    receiver_email: message.receiver?.email ?? null,
    message: message.text,
    text: message.text,
    message_type: message.messageType,
    metadata: message.metadata,
    created_at: message.createdAt,
    timestamp: message.createdAt,
    edited_at: message.editedAt,
  }
}
export type MessageEvent = ReturnType<typeof messageEvent>
