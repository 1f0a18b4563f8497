import type { PayloadRequest } from 'payload'
import { postMessage, type OutgoingMessage } from './postMessage.ts'
import { roomToWrite } from './roomAccess.ts'

/** spec 003's POST chat/send (and a session chat socket's message): the caller posts to a room they take part in. */
export async function sendRoomMessage(req: PayloadRequest, userId: number, roomRef: string | number, message: OutgoingMessage) {
  const room = await roomToWrite(req, roomRef, userId)
  return postMessage(req, room, userId, { text: message.text, messageType: message.messageType, metadata: message.metadata })
}
