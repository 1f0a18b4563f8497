import type { PayloadRequest } from 'payload'
import { returnSeat } from './offerSeat.ts'
import { cancelRegistrationRow, markPaymentRefunded } from './registrationRecords.ts'

/** A fully refunded ticket is no longer valid: the registration is cancelled and its seat offered on. */
export async function cancelRefundedRegistration(req: PayloadRequest, paymentId: number): Promise<void> {
  const cancelled = await cancelRegistrationRow(
    req,
    { paymentId },
    { reason: 'refunded', from: ['confirmed', 'pending_payment'], paymentStatus: 'refunded' },
  )
  // A payment refunded because its hold had already ended has no seat to give back.
  await markPaymentRefunded(req, paymentId)
  if (cancelled?.heldSeat) await returnSeat(req, cancelled.eventId)
}
