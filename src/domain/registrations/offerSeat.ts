import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { config } from '../../lib/config.ts'
import { firstRow } from '../../lib/db/sql.ts'
import { txDb } from '../../lib/transaction.ts'
import { newSecretToken } from '../auth/tokenHash.ts'
import { sendWaitlistOfferEmail } from './notifications.ts'
import { releaseSeat } from '../events/eventSeats.ts'
import { readAsSystem } from '../../lib/readAsSystem.ts'
import { markOffered } from './registrationRecords.ts'

/**
 * A seat someone gave up (cancelled, expired hold or offer, refund), in the caller's transaction: handed
 * straight to the first person on the waitlist when there is one, else freed. The event row, which every
 * buyer contends for, is only written when nobody is waiting.
 */
export async function returnSeat(req: PayloadRequest, eventId: number, now = new Date()): Promise<void> {
  if ((await offerSeatToWaitlist(req, eventId, now)) === null) await releaseSeat(req, eventId)
}

/** The seat goes to the first waitlisted person (FIFO), held until the offer expires; the claim link is emailed after commit. */
async function offerSeatToWaitlist(req: PayloadRequest, eventId: number, now: Date): Promise<number | null> {
  const db = await txDb(req)
  const next = await db.execute(sql`
    SELECT id, user_id FROM registrations
    WHERE event_id = ${eventId} AND status = 'waitlisted' AND NOT holds_seat
    ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`)
  const candidate = firstRow<{ id: number; user_id: number }>(next)
  if (!candidate) return null
  const { token, hash } = newSecretToken()
  const expiresAt = new Date(now.getTime() + config.WAITLIST_CLAIM_WINDOW * 1000)
  await markOffered(req, candidate.id, expiresAt, hash)
  const [event, user] = await Promise.all([readAsSystem(req, 'events', eventId), readAsSystem(req, 'users', candidate.user_id)])
  await sendWaitlistOfferEmail(req, event, user, token, expiresAt)
  return candidate.id
}
