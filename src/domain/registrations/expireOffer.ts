import type { PayloadRequest } from 'payload'
import { withTransaction } from '../../lib/transaction.ts'
import { returnSeat } from './offerSeat.ts'
import { cancelRegistrationRow } from './registrationRecords.ts'

/**
 * Ends one unclaimed offer whose window has passed and passes the seat on. The UPDATE re-checks the
 * state, so an offer claimed a moment earlier is left alone. Returns whether it expired the offer.
 */
export async function expireOffer(req: PayloadRequest, registrationId: number, now: Date): Promise<boolean> {
  return withTransaction(req, async () => {
    const expired = await cancelRegistrationRow(
      req,
      { id: registrationId },
      { reason: 'offer_expired', from: ['waitlisted'], at: now, onlyHoldingSeat: true, offerEndedBy: now },
    )
    if (!expired) return false
    await returnSeat(req, expired.eventId, now)
    return true
  })
}
