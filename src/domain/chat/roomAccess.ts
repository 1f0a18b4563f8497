import type { PayloadRequest } from 'payload'
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import { txDb } from '../../lib/transaction.ts'
import { roomById, roomByName, type RoomRow } from './chatQueries.ts'

export const NOT_A_PARTICIPANT = 'You are not a participant of this room.'
export const roomMissing = (ref: string | number) => new NotFoundError(`Room '${ref}' does not exist.`)

export const takesPart = (room: Pick<RoomRow, 'participantIds'>, userId: number) => room.participantIds.includes(userId)

/** spec 003's room_id: a room's numeric id, or its name. */
export async function findRoom(req: PayloadRequest, ref: string | number): Promise<RoomRow | null> {
  const db = await txDb(req)
  const text = String(ref)
  if (/^\d{1,9}$/.test(text)) return (await roomById(db, Number(text))) ?? roomByName(db, text)
  return roomByName(db, text)
}

/** A room the user reads: a room they are not in answers the same 404 as a missing one (spec 002), so names do not leak. */
export async function roomToRead(req: PayloadRequest, ref: string | number, userId: number): Promise<RoomRow> {
  const room = await findRoom(req, ref)
  if (!room || !takesPart(room, userId)) throw roomMissing(ref)
  return room
}

/** A room the user writes to: missing is 404, not theirs is spec 002's 403. */
export async function roomToWrite(req: PayloadRequest, ref: string | number, userId: number): Promise<RoomRow> {
  const room = await findRoom(req, ref)
  if (!room) throw roomMissing(ref)
  if (!takesPart(room, userId)) throw new ForbiddenError(NOT_A_PARTICIPANT)
  return room
}
