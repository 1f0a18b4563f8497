import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { config } from '../../lib/config.ts'
import { txDb } from '../../lib/transaction.ts'
import { newSecretToken } from '../auth/tokenHash.ts'
import { sendWaitlistOfferEmail } from './notifications.ts'
import { takeSeat } from './seats.ts'

/**
 * Offers a free seat to the first person on the waitlist (FIFO) in the caller's transaction: the seat
 * is taken for them (held until the offer expires) and the claim link emailed after commit.
 */
export async function offerSeatToWaitlist(req: PayloadRequest, eventId: number, now = new Date()): Promise<number | null> {
  const db = await txDb(req)
  const next = await db.execute(sql`
    SELECT id, user_id FROM registrations
    WHERE event_id = ${eventId} AND status = 'waitlisted' AND NOT holds_seat
    ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`)
  const candidate = next.rows[0] as { id: number; user_id: number } | undefined
  if (!candidate || !(await takeSeat(req, eventId))) return null
  const { token, hash } = newSecretToken()
  const expiresAt = new Date(now.getTime() + config.WAITLIST_CLAIM_WINDOW * 1000)
  await db.execute(sql`
    UPDATE registrations SET holds_seat = true, offer_expires_at = ${expiresAt}, claim_token_hash = ${hash}
    WHERE id = ${candidate.id}`)
  const [event, user] = await Promise.all([
    req.payload.findByID({ collection: 'events', id: eventId, depth: 0, overrideAccess: true, req }),
    req.payload.findByID({ collection: 'users', id: candidate.user_id, depth: 0, overrideAccess: true, req }),
  ])
  await sendWaitlistOfferEmail(req, event, user, token, expiresAt)
  return candidate.id
}
