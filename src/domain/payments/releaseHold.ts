import type { PayloadRequest } from 'payload'
import { withTransaction } from '../../lib/transaction.ts'
import { releasePaymentHold } from '../registrations/releasePaymentHold.ts'
import type { CancelReason } from '../registrations/statuses.ts'
import { movePayment } from './paymentRecords.ts'
import type { PaymentStatus } from './statuses.ts'

/**
 * Ends an unpaid hold: the payment moves to `status` (if it still may), the registration waiting for it
 * is cancelled and its seat goes back to the event and on to the waitlist. Idempotent: a hold already
 * released, or a registration already paid, is left as it is.
 */
export async function releaseHold(
  req: PayloadRequest,
  paymentId: number,
  status: Extract<PaymentStatus, 'failed' | 'expired'>,
  reason: Extract<CancelReason, 'payment_failed' | 'hold_expired'>,
  failureReason?: string,
): Promise<boolean> {
  return withTransaction(req, async () => {
    await movePayment(req, paymentId, status, { failure_reason: failureReason ?? null })
    return releasePaymentHold(req, paymentId, reason, status === 'failed' ? 'failed' : 'pending')
  })
}
