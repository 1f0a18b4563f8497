import type { PayloadRequest } from 'payload'
import { withTransaction } from '../../lib/transaction.ts'
import { upsertCrmBooking } from './crmRecords.ts'

/** Spec 004's notification body, as POST crm/notify receives it from an external booking system (validated by the route). */
export type BookingNotification = {
  booking_id: number
  user: { id: number; email: string; name: string; phone?: string | null }
  event: { id: number; title: string; type?: string | null; start_datetime?: Date | null; location?: string | null }
  facilitator_id?: number | null
  booking_date?: Date | null
  notes?: string | null
}

/**
 * Records a booking another system made. Idempotent on booking_id: sending it again refreshes the snapshot
 * and answers the same notification id, and concurrent sends end in one row (the unique index decides).
 */
export async function receiveNotification(req: PayloadRequest, notification: BookingNotification): Promise<{ notificationId: number }> {
  return withTransaction(req, async () => {
    const { event, user } = notification
    const { id } = await upsertCrmBooking(req, {
      source: 'external',
      bookingId: notification.booking_id,
      registrationId: null,
      user: { id: user.id, email: user.email, name: user.name, phone: user.phone ?? null },
      event: {
        id: event.id,
        title: event.title,
        type: event.type?.toLowerCase() ?? null,
        startDatetime: event.start_datetime ?? null,
        location: event.location ?? null,
      },
      facilitatorId: notification.facilitator_id ?? null,
      bookingDate: notification.booking_date ?? null,
      notes: notification.notes ?? null,
      status: 'received',
    })
    return { notificationId: id }
  })
}
