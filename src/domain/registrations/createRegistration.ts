import type { PayloadRequest } from 'payload'
import type { Registration } from '../../payload-types.ts'

type RegistrationFields = Pick<Registration, 'status' | 'payment_status' | 'holds_seat'> &
  Partial<Pick<Registration, 'ticket_code' | 'notes' | 'payment' | 'hold_expires_at'>>

/**
 * Inserts a registration of `userId` for `eventId`, booked now, in req's transaction. Registrations are
 * written only by the registration and payment domains, after their own checks (hence overrideAccess).
 */
export async function createRegistration(
  req: PayloadRequest,
  eventId: number,
  userId: number,
  fields: RegistrationFields,
): Promise<Registration> {
  return req.payload.create({
    collection: 'registrations',
    overrideAccess: true,
    req,
    depth: 0,
    data: { event: eventId, user: userId, booking_date: new Date().toISOString(), ...fields },
  })
}
