import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { firstRow } from '../../lib/db/sql.ts'
import { readAsSystem } from '../../lib/readAsSystem.ts'
import { txDb } from '../../lib/transaction.ts'
import { takeSeat } from '../events/eventSeats.ts'
import { ACTIVE_STATUSES } from './conflicts.ts'
import { lockUser } from './lockUser.ts'
import { sendTicketEmail } from './notifications.ts'
import { markHoldPaid, markRevivedPaid } from './registrationRecords.ts'
import { generateTicketCode } from './ticketCode.ts'

/**
 * The money for a seat arrived (in the caller's transaction): the held seat is confirmed with a ticket. A
 * hold that ran out first gets a seat back when one is free and the buyer holds no other registration for
 * the event. The ticket is emailed after commit. False: there is no seat for this payment (refund it).
 */
export async function confirmPaidSeat(req: PayloadRequest, paymentId: number, userId: number): Promise<boolean> {
  const confirmedId = await markHoldPaid(req, paymentId, generateTicketCode())
  const registrationId = confirmedId ?? (await reviveLostHold(req, paymentId, userId))
  if (!registrationId) return false
  await emailTicket(req, registrationId)
  return true
}

async function reviveLostHold(req: PayloadRequest, paymentId: number, userId: number): Promise<number | null> {
  const db = await txDb(req)
  const lost = firstRow<{ id: number; event_id: number }>(
    await db.execute(sql`SELECT id, event_id FROM registrations WHERE payment_id = ${paymentId} AND status = 'cancelled' FOR UPDATE`),
  )
  if (!lost) return null
  await lockUser(req, userId)
  const other = await db.execute(sql`
    SELECT 1 FROM registrations WHERE event_id = ${lost.event_id} AND user_id = ${userId} AND status IN ${ACTIVE_STATUSES} LIMIT 1`)
  if (other.rows.length > 0 || !(await takeSeat(req, lost.event_id))) return null
  return (await markRevivedPaid(req, lost.id, generateTicketCode())) ? lost.id : null
}

async function emailTicket(req: PayloadRequest, registrationId: number): Promise<void> {
  const registration = await readAsSystem(req, 'registrations', registrationId)
  const [event, user] = await Promise.all([
    readAsSystem(req, 'events', registration.event as number),
    readAsSystem(req, 'users', registration.user as number),
  ])
  await sendTicketEmail(req, registration, event, user)
}
