import type { PayloadRequest, TypedUser } from 'payload'
import { isStaffMember } from '../../access/isStaffMember.ts'
import { BadRequestError, ConflictError, ForbiddenError } from '../../lib/errors.ts'
import { txDb, withTransaction } from '../../lib/transaction.ts'
import { insertRoom } from './chatRecords.ts'
import { roomByName, type RoomRow } from './chatQueries.ts'
import { usersByEmail, type ChatUser } from './chatUsers.ts'
import { assertPrivatePair, EXACTLY_TWO } from './privatePair.ts'
import { NOT_A_PARTICIPANT } from './roomAccess.ts'

export type Conversation = { room: RoomRow; participants: ChatUser[]; created: boolean }

/**
 * spec 002's POST chat/conversations/: a private room of one investor and one startup, one of them the
 * caller (staff may open one for others). Asking again for the same name and pair answers the existing
 * room; the name taken by another pair is a 409.
 */
export async function createConversation(req: PayloadRequest, caller: TypedUser, input: { name: string; emails: string[] }) {
  const emails = [...new Set(input.emails.map((email) => email.trim().toLowerCase()))]
  if (emails.length !== 2) throw new BadRequestError(EXACTLY_TWO)
  const found = await usersByEmail(req, emails)
  // In the order the request named them (spec 002 echoes the participants list).
  const users = emails.flatMap((email) => found.filter((user) => user.email === email))
  const missing = emails.filter((email) => !users.some((user) => user.email === email))
  if (missing.length) throw new BadRequestError(`No user with the email ${missing.join(', ')}.`)
  if (!users.some((user) => user.id === caller.id) && !isStaffMember(caller)) throw new ForbiddenError(NOT_A_PARTICIPANT)
  return openPrivateRoom(req, input.name, users, caller.id)
}

/** Creates (or finds, for the same pair) the private room `name`; shared with the auto-creating send. */
export async function openPrivateRoom(req: PayloadRequest, name: string, users: ChatUser[], createdBy: number): Promise<Conversation> {
  assertPrivatePair(users)
  return withTransaction(req, async () => {
    const participantIds = users.map((user) => user.id)
    const id = await insertRoom(req, { name, kind: 'private', participantIds, createdBy, sessionId: null })
    const room = await roomByName(await txDb(req), name)
    if (!room) throw new Error(`chat room ${name} vanished after insert`)
    const samePair =
      room.kind === 'private' && room.participantIds.length === 2 && participantIds.every((p) => room.participantIds.includes(p))
    if (id === null && !samePair) throw new ConflictError(`Room '${name}' already exists.`)
    return { room, participants: users, created: id !== null }
  })
}
