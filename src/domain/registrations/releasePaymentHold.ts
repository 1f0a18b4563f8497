import type { PayloadRequest } from 'payload'
import { returnSeat } from './offerSeat.ts'
import { cancelRegistrationRow } from './registrationRecords.ts'
import type { CancelReason, RegistrationPaymentStatus } from './statuses.ts'

/**
 * An unpaid hold ends (in the caller's transaction): the registration waiting for `paymentId` is cancelled
 * and its seat goes back to the event and on to the waitlist. A hold already released, or paid, is left
 * as it is. Returns whether it released one.
 */
export async function releasePaymentHold(
  req: PayloadRequest,
  paymentId: number,
  reason: Extract<CancelReason, 'payment_failed' | 'hold_expired'>,
  paymentStatus: Extract<RegistrationPaymentStatus, 'failed' | 'pending'>,
): Promise<boolean> {
  const released = await cancelRegistrationRow(
    req,
    { paymentId },
    { reason, from: ['pending_payment'], onlyHoldingSeat: true, paymentStatus },
  )
  if (!released) return false
  await returnSeat(req, released.eventId)
  return true
}
