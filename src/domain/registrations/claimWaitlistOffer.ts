import type { PayloadRequest } from 'payload'
import { BadRequestError } from '../../lib/errors.ts'
import { findAsSystem, readAsSystem } from '../../lib/readAsSystem.ts'
import { withTransaction } from '../../lib/transaction.ts'
import type { Event, Registration } from '../../payload-types.ts'
import { hashToken } from '../auth/tokenHash.ts'
import { assertFree } from './eventForRegistration.ts'
import { sendTicketEmail } from './notifications.ts'
import { markOfferClaimed } from './registrationRecords.ts'
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
  const event = await findAsSystem(req, 'events', eventId)
  if (!event) throw new BadRequestError('This offer is invalid or has expired.')
  assertFree(event)
  return withTransaction(req, async () => {
    const claimed = await markOfferClaimed(req, eventId, hashToken(token), generateTicketCode())
    if (!claimed) throw new BadRequestError('This offer is invalid or has expired.')
    const [registration, user] = await Promise.all([
      readAsSystem(req, 'registrations', claimed.id),
      readAsSystem(req, 'users', claimed.userId),
    ])
    await sendTicketEmail(req, registration, event, user)
    return { registration, event }
  })
}
