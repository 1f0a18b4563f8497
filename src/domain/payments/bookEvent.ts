import type { PayloadRequest } from 'payload'
import type { Event, Registration, User } from '../../payload-types.ts'
import { readAsSystem } from '../../lib/readAsSystem.ts'
import { eventOpenForRegistration } from '../registrations/eventForRegistration.ts'
import { registerForOpenEvent } from '../registrations/registerForEvent.ts'
import { payWithPaymentMethod, type IntentPayment } from './payWithPaymentMethod.ts'

export type BookedEvent = { registration: Registration; event: Event; payment?: IntentPayment }

/**
 * Spec 001's events/book: a free event is registered at once; a paid one is paid with the given payment
 * method (PaymentIntent), and without one answers 402 like every other registration route.
 */
export async function bookEvent(
  req: PayloadRequest,
  user: User,
  eventId: number,
  input: { notes?: string; paymentMethodId?: string },
): Promise<BookedEvent> {
  const event = await eventOpenForRegistration(req, eventId)
  if (!(Number(event.price_cents) > 0 && input.paymentMethodId)) return registerForOpenEvent(req, user, event, { notes: input.notes })
  const payment = await payWithPaymentMethod(req, user, event, input.paymentMethodId)
  const registration = await readAsSystem(req, 'registrations', payment.registrationId)
  return { registration, event, payment }
}
