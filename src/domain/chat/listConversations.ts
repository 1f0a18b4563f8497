import type { PayloadRequest } from 'payload'
import { txDb } from '../../lib/transaction.ts'
import { roomsOf } from './chatQueries.ts'
import { usersById } from './chatUsers.ts'
import { viewMessages } from './messageView.ts'

/** The caller's rooms, latest activity first, with unread counts, participants and the last visible message. */
export async function listConversations(req: PayloadRequest, userId: number) {
  const rooms = await roomsOf(await txDb(req), userId)
  const users = await usersById(
    req,
    rooms.flatMap((room) => room.participantIds),
  )
  return Promise.all(
    rooms.map(async (room) => ({
      ...room,
      participants: room.participantIds.map((id) => users.get(id)).filter((user) => user !== undefined),
      lastMessage: room.lastMessage ? (await viewMessages(req, room, [room.lastMessage]))[0] : null,
    })),
  )
}
export type ConversationSummary = Awaited<ReturnType<typeof listConversations>>[number]
