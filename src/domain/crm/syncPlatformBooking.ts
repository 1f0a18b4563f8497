import { createLocalReq, type Payload } from 'payload'
import { config } from '../../lib/config.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { enqueue } from '../outbox/enqueue.ts'
import { bookingForCrm } from '../registrations/bookingForCrm.ts'
import { upsertCrmBooking } from './crmRecords.ts'

/**
 * Applies a `crm.booking` message: the CRM row of the registration is created or brought up to date from
 * the registration as it is now, in one transaction with the arrival in its history and the delivery to the
 * external CRM. Idempotent: a crash before the outbox marks the message done, a second worker draining the
 * same message, or an older message arriving late all end in the same one row.
 */
export async function syncPlatformBooking(payload: Payload, registrationId: number): Promise<void> {
  const req = await createLocalReq({}, payload)
  await withTransaction(req, async () => {
    const booking = await bookingForCrm(req, registrationId)
    if (!booking || !booking.isBooking) return
    const { id, changed } = await upsertCrmBooking(req, {
      source: 'platform',
      bookingId: booking.registrationId,
      registrationId: booking.registrationId,
      user: booking.user,
      event: booking.event,
      facilitatorId: booking.facilitatorId,
      bookingDate: booking.bookingDate,
      notes: booking.notes,
      status: booking.cancelled ? 'cancelled' : 'received',
    })
    // A repeated message (a crash before `done`, a second worker) changes nothing and sends nothing again.
    if (changed && config.CRM_SERVICE_URL) await enqueue(req, 'crm.deliver', { crm_booking_id: id })
  })
}
