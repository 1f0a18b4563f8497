import type { PaymentStatus } from './statuses.ts'

/**
 * Payment state only moves forward. A late success may follow a failure or an expiry (the customer
 * retried, or paid as the hold ran out); nothing undoes a success except a refund; a refund is final.
 */
const NEXT: Record<PaymentStatus, PaymentStatus[]> = {
  pending: ['succeeded', 'failed', 'expired'],
  failed: ['succeeded'],
  expired: ['succeeded'],
  succeeded: ['refunded'],
  refunded: [],
}

function canMovePayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return NEXT[from].includes(to)
}

/** The statuses a payment may be in for a move to `to` (for conditional UPDATEs). */
export function paymentStatusesBefore(to: PaymentStatus): PaymentStatus[] {
  return (Object.keys(NEXT) as PaymentStatus[]).filter((from) => canMovePayment(from, to))
}
