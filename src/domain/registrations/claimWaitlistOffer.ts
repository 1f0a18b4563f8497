import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type { Event, Registration } from '../../payload-types.ts'
import { BadRequestError } from '../../lib/errors.ts'
import { txDb, withTransaction } from '../../lib/transaction.ts'
import { hashToken } from '../auth/tokenHash.ts'
import { assertFree } from './eventForRegistration.ts'
import { sendTicketEmail } from './notifications.ts'
import { generateTicketCode } from './ticketCode.ts'

/**
 * Turns a held waitlist offer into a confirmed ticket. The emailed token is the proof (the link works
 * without signing in); one conditional UPDATE claims it once, and only before it expires.
 */
export async function claimWaitlistOffer(
  req: PayloadRequest,
  eventId: number,
  token: string,
): Promise<{ registration: Registration; event: Event }> {
  const event = await req.payload.findByID({ collection: 'events', id: eventId, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!event) throw new BadRequestError('This offer is invalid or has expired.')
  assertFree(event)
  return withTransaction(req, async () => {
    const db = await txDb(req)
    const claimed = await db.execute(sql`
      UPDATE registrations SET status = 'confirmed', ticket_code = ${generateTicketCode()}, offer_expires_at = NULL, claim_token_hash = NULL
      WHERE event_id = ${eventId} AND claim_token_hash = ${hashToken(token)} AND status = 'waitlisted' AND holds_seat AND offer_expires_at > now()
      RETURNING id, user_id`)
    const row = claimed.rows[0] as { id: number; user_id: number } | undefined
    if (!row) throw new BadRequestError('This offer is invalid or has expired.')
    const [registration, user] = await Promise.all([
      req.payload.findByID({ collection: 'registrations', id: row.id, depth: 0, overrideAccess: true, req }),
      req.payload.findByID({ collection: 'users', id: row.user_id, depth: 0, overrideAccess: true, req }),
    ])
    await sendTicketEmail(req, registration, event, user)
    return { registration, event }
  })
}
