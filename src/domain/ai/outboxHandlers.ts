import type { OutboxHandlers } from '../outbox/handlers.ts'
import { runTraining } from './runTraining.ts'

/** The AI area's outbox topics (registered in src/jobs/outboxHandlers.ts). */
export const aiOutboxHandlers = {
  'ai.train': async (message, { payload }) => runTraining(payload, message.model_id),
} satisfies Partial<OutboxHandlers>
