import type { PayloadRequest } from 'payload'
import { config } from '../../lib/config.ts'
import { ConflictError } from '../../lib/errors.ts'
import { withTransaction } from '../../lib/transaction.ts'
import type { Event, User } from '../../payload-types.ts'
import { holdSeatForPayment, seatForPayment } from '../registrations/holdSeatForPayment.ts'
import { insertPayment, pendingPaymentOf, setPaymentLinks } from './paymentRecords.ts'
import type { PaymentMethod } from './statuses.ts'

export type { PaymentMethod } from './statuses.ts'

export type Hold = { paymentId: number; registrationId: number; existingSessionId: string | null; holdExpiresAt: Date }

/** What Stripe keeps about a hold (on the session and the PaymentIntent), so every webhook finds its payment. */
export function holdMetadata(hold: Hold, event: Event, user: User): Record<string, string> {
  return {
    payment_id: String(hold.paymentId),
    registration_id: String(hold.registrationId),
    event_id: String(event.id),
    user_id: String(user.id),
  }
}

/**
 * A seat held for a buyer while they pay: a pending payment and a pending_payment registration holding
 * a seat (the registrations area takes it), in one transaction. A buyer who already holds an unpaid seat
 * for this event gets that hold back (a retried request); an offered waitlist seat becomes the hold.
 */
export async function reserveSeatForPayment(req: PayloadRequest, user: User, event: Event, method: PaymentMethod): Promise<Hold> {
  return withTransaction(req, async () => {
    const start = await seatForPayment(req, user.id, event)
    const holdExpiresAt = new Date(Date.now() + config.CHECKOUT_HOLD * 1000)
    if (start.kind === 'unpaid_hold') {
      const pending = await pendingPaymentOf(req, start.paymentId)
      if (!pending) throw new ConflictError('You are already registered for this event.')
      return { paymentId: start.paymentId, registrationId: start.registrationId, existingSessionId: pending.sessionId, holdExpiresAt }
    }
    const payment = await insertPayment(req, user, event, method)
    const registrationId = await holdSeatForPayment(req, start, {
      eventId: event.id,
      userId: user.id,
      paymentId: payment.id,
      holdExpiresAt,
    })
    await setPaymentLinks(req, payment.id, { registration_id: registrationId })
    return { paymentId: payment.id, registrationId, existingSessionId: null, holdExpiresAt }
  })
}
