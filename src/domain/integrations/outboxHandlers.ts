import type { OutboxHandlers } from '../outbox/handlers.ts'
import { runSync } from './runSync.ts'

/** The integrations area's outbox topics (registered in src/jobs/outboxHandlers.ts). */
export const integrationOutboxHandlers = {
  'integrations.sync': async (message, { payload }) => runSync(payload, message.integration_id),
} satisfies Partial<OutboxHandlers>
