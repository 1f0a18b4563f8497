import type { PayloadRequest } from 'payload'
import { txDb, withTransaction } from '../../lib/transaction.ts'
import { insertRoom } from './chatRecords.ts'
import { roomBySession, type RoomRow } from './chatQueries.ts'

/**
 * The live chat room of a spec 001 session between its two participants (one per session; asking again
 * answers the same room). The sessions area calls this when a session is booked.
 */
export async function openSessionRoom(
  req: PayloadRequest,
  input: { sessionId: number; participantIds: [number, number] },
): Promise<RoomRow> {
  return withTransaction(req, async () => {
    await insertRoom(req, {
      name: `session-${input.sessionId}`,
      kind: 'session',
      participantIds: input.participantIds,
      createdBy: null,
      sessionId: input.sessionId,
    })
    const room = await roomBySession(await txDb(req), input.sessionId)
    if (!room) throw new Error(`session room ${input.sessionId} vanished after insert`)
    return room
  })
}
