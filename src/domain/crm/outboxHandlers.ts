import type { OutboxHandlers } from '../outbox/handlers.ts'
import { deliverToExternalCrm } from './deliverToExternalCrm.ts'
import { syncPlatformBooking } from './syncPlatformBooking.ts'

/** The CRM area's outbox topics (registered in src/jobs/outboxHandlers.ts). */
export const crmOutboxHandlers = {
  'crm.booking': async (message, { payload }) => syncPlatformBooking(payload, message.registration_id),
  'crm.deliver': async (message, { payload }) => deliverToExternalCrm(payload, message.crm_booking_id),
} satisfies Partial<OutboxHandlers>
