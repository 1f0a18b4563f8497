import { createLocalReq, type Payload } from 'payload'
import { postBookingNotification } from '../../integrations/crm/postBookingNotification.ts'
import { config } from '../../lib/config.ts'
import { poolOf } from '../../lib/db/pool.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { CRM_BOOKING_COLUMNS, notificationBody, type CrmBookingRow } from './crmBookingRow.ts'
import { recordDeliveryAttempt } from './crmRecords.ts'

/**
 * Applies a `crm.deliver` message: POSTs the booking as it is now to CRM_SERVICE_URL and records the
 * attempt on the booking (attempts, last error, delivered at: visible in the admin). A failure is
 * recorded and thrown, so the outbox retries it with exponential backoff; the receiver dedupes on
 * booking_id (and the Idempotency-Key), so a retry after a lost answer is harmless.
 */
export async function deliverToExternalCrm(payload: Payload, crmBookingId: number): Promise<void> {
  const url = config.CRM_SERVICE_URL
  if (!url) return // switched off since the message was written
  const { rows } = await poolOf(payload).query<CrmBookingRow>(`SELECT ${CRM_BOOKING_COLUMNS} FROM crm_bookings b WHERE b.id = $1`, [
    crmBookingId,
  ])
  const row = rows[0]
  if (!row) return
  const req = await createLocalReq({}, payload)
  try {
    await postBookingNotification({ url, token: config.CRM_BEARER_TOKEN }, notificationBody(row), `booking-${row.booking_id}-${row.status}`)
  } catch (error) {
    await withTransaction(req, () =>
      recordDeliveryAttempt(req, crmBookingId, { error: error instanceof Error ? error.message : String(error) }),
    )
    throw error
  }
  await withTransaction(req, () => recordDeliveryAttempt(req, crmBookingId, { deliveredAt: new Date() }))
}
