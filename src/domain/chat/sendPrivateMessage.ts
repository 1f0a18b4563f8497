import type { PayloadRequest, TypedUser } from 'payload'
import { BadRequestError, ForbiddenError } from '../../lib/errors.ts'
import { txDb } from '../../lib/transaction.ts'
import { roomByName } from './chatQueries.ts'
import { NOT_A_PARTICIPANT, takesPart } from './roomAccess.ts'
import { usersByEmail, usersById } from './chatUsers.ts'
import { openPrivateRoom } from './createConversation.ts'
import { EXACTLY_TWO } from './privatePair.ts'
import { postMessage } from './postMessage.ts'

export type PrivateMessageInput = { roomName: string; senderEmail?: string; receiverEmail: string; text: string }

/**
 * spec 002's POST chat/messages/: the sender is always the caller (another sender_email is refused as
 * not a participant); a missing room is created for the caller and the receiver (one investor, one
 * startup); in an existing room the receiver must be its other participant.
 */
export async function sendPrivateMessage(req: PayloadRequest, caller: TypedUser, input: PrivateMessageInput) {
  const callerEmail = caller.email?.toLowerCase() ?? null
  if (input.senderEmail !== undefined && input.senderEmail.trim().toLowerCase() !== callerEmail) throw new ForbiddenError(NOT_A_PARTICIPANT)
  const receiverEmail = input.receiverEmail.trim().toLowerCase()
  if (receiverEmail === callerEmail) throw new BadRequestError(EXACTLY_TWO)
  const [receiver] = await usersByEmail(req, [receiverEmail])
  if (!receiver) throw new BadRequestError(`No user with the email ${receiverEmail}.`)
  let room = await findRoomByName(req, input.roomName)
  if (!room) {
    const sender = (await usersById(req, [caller.id])).get(caller.id)
    if (!sender) throw new ForbiddenError(NOT_A_PARTICIPANT)
    room = (await openPrivateRoom(req, input.roomName, [sender, receiver], caller.id)).room
  }
  if (!takesPart(room, caller.id)) throw new ForbiddenError(NOT_A_PARTICIPANT)
  if (!takesPart(room, receiver.id)) throw new BadRequestError('The receiver is not a participant of this room.')
  return postMessage(req, room, caller.id, { text: input.text, receiverId: receiver.id })
}

const findRoomByName = async (req: PayloadRequest, name: string) => roomByName(await txDb(req), name)
