import type { OutboxHandlers } from '../outbox/handlers.ts'
import { sendWaitlistConfirmation } from './sendWaitlistConfirmation.ts'

/** The waitlist's outbox topics (registered in src/jobs/outboxHandlers.ts). */
export const waitlistOutboxHandlers = {
  'waitlist.confirmation': async (message, { payload }) => sendWaitlistConfirmation(payload, message.entry_id),
} satisfies Partial<OutboxHandlers>
