import { crmOutboxHandlers } from '../domain/crm/outboxHandlers.ts'
import { chatOutboxHandlers } from '../domain/chat/outboxHandlers.ts'
import { integrationOutboxHandlers } from '../domain/integrations/outboxHandlers.ts'
import { aiOutboxHandlers } from '../domain/ai/outboxHandlers.ts'
import { notificationOutboxHandlers } from '../domain/notifications/outboxHandlers.ts'
import { coreOutboxHandlers, type OutboxHandlers } from '../domain/outbox/handlers.ts'
import { sessionsOutboxHandlers } from '../domain/sessions/outboxHandlers.ts'
import { waitlistOutboxHandlers } from '../domain/waitlist/outboxHandlers.ts'

/**
 * Every outbox topic's handler: the outbox's own (email, push, Stripe) and each area's, composed here in
 * the wiring so that the outbox never imports the areas that enqueue into it. A topic without a handler
 * does not compile.
 */
export const outboxHandlers: OutboxHandlers = {
  ...coreOutboxHandlers,
  ...notificationOutboxHandlers,
  ...waitlistOutboxHandlers,
  ...sessionsOutboxHandlers,
  ...crmOutboxHandlers,
  ...chatOutboxHandlers,
  ...aiOutboxHandlers,
  ...integrationOutboxHandlers,
}
