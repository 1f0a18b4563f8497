import type { PayloadRequest } from 'payload'
import type { Event } from '../../payload-types.ts'
import { BadRequestError, NotFoundError, PaymentRequiredError } from '../../lib/errors.ts'

/** The event as the caller may see it: 404 for one that does not exist or a draft they cannot read. */
export async function readableEvent(req: PayloadRequest, eventId: number): Promise<Event> {
  const event = await req.payload.findByID({ collection: 'events', id: eventId, depth: 0, overrideAccess: false, req, disableErrors: true })
  if (!event) throw new NotFoundError('Event not found.')
  return event
}

/** The event a caller wants a seat at, readable by them and open: published, active and not yet started. */
export async function eventOpenForRegistration(req: PayloadRequest, eventId: number, { now = new Date() } = {}): Promise<Event> {
  const event = await readableEvent(req, eventId)
  if (!event.is_published) throw new BadRequestError('This event is not open for registration yet.')
  if (event.status === 'cancelled') throw new BadRequestError('This event has been cancelled.')
  if (event.status !== 'active') throw new BadRequestError('This event is not open for registration.')
  if (new Date(event.start_datetime) <= now) throw new BadRequestError('This event has already started.')
  return event
}

/** Spec 000's 402 body for a paid event. */
export function assertFree(event: Event): void {
  if ((event.price_cents ?? 0) > 0) {
    throw new PaymentRequiredError({
      message: 'Payment required',
      event_id: event.id,
      price_cents: event.price_cents,
      currency: event.currency,
    })
  }
}
