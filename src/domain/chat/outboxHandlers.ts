import type { OutboxHandlers } from '../outbox/handlers.ts'
import { deliverMessages } from './deliverMessages.ts'

/** The chat area's outbox topics (registered in src/jobs/outboxHandlers.ts). */
export const chatOutboxHandlers = {
  'chat.deliver': async (delivery, services) => deliverMessages(services, delivery),
} satisfies Partial<OutboxHandlers>
