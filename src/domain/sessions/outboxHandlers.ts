import type { OutboxHandlers } from '../outbox/handlers.ts'
import { stripe } from '../../integrations/stripe/client.ts'

/** The sessions area's outbox topics (registered in src/jobs/outboxHandlers.ts). */
export const sessionsOutboxHandlers = {
  // One refund per session whatever the retries: Stripe deduplicates on the idempotency key.
  'sessions.refund': async (message) => {
    await stripe().refunds.create(
      {
        payment_intent: message.payment_intent,
        reason: 'requested_by_customer',
        metadata: { friend_session_id: String(message.session_id) },
      },
      { idempotencyKey: `friend-session-refund:${message.session_id}` },
    )
  },
} satisfies Partial<OutboxHandlers>
