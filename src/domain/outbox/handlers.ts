import type { Payload } from 'payload'
import { expireCheckoutSessionIfOpen } from '../../integrations/stripe/expireCheckoutSession.ts'
import { refundPaymentIntent } from '../../integrations/stripe/refunds.ts'
import { OUTBOX_TOPICS, type OutboxTopic } from './topics.ts'

/**
 * Where pushes go. The outbox owns this interface and the socket.io server implements it, so the domain
 * never imports realtime: it enqueues `realtime.emit`, and the worker hands the message to this port.
 */
export type PushChannel = {
  emit(room: string, event: string, data: unknown): void
  /** The users with a socket in `room` now (on every instance): who is looking at a chat room. */
  membersOf?(room: string): Promise<number[]>
  /** Puts every socket in room `from` (a user's) into room `to` as well. */
  join?(from: string, to: string): void
}

export type OutboxServices = { payload: Payload; push?: PushChannel }
export type OutboxHandler<T extends OutboxTopic> = (
  data: ReturnType<(typeof OUTBOX_TOPICS)[T]['parse']>,
  services: OutboxServices,
) => Promise<void>
/** One handler per topic. The worker's registry (src/jobs/outboxHandlers.ts) must name them all. */
export type OutboxHandlers = { [T in OutboxTopic]: OutboxHandler<T> }

/**
 * The outbox's own deliveries: email, pushes and vendor calls. An area's own topics are handled by a
 * function the area exports, composed with these in src/jobs/outboxHandlers.ts (the outbox never imports
 * the areas that enqueue into it).
 */
export const coreOutboxHandlers = {
  'email.send': async (message, { payload }) => {
    await payload.sendEmail({
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: message.headers,
      attachments: message.attachments?.map((file) => ({
        filename: file.filename,
        content: Buffer.from(file.content_base64, 'base64'),
        contentType: file.content_type,
      })),
    })
  },
  'realtime.emit': async (message, { push }) => {
    if (!push) throw new Error('realtime is not running in this process')
    push.emit(message.room, message.event, message.data)
  },
  'stripe.refund': async (message) => refundPaymentIntent(message.payment_intent, message.payment_id),
  'stripe.expire_session': async (message) => expireCheckoutSessionIfOpen(message.session_id),
} satisfies Partial<OutboxHandlers>

/** Performs one outbox row's side effect. Throws (and the worker retries) when it cannot. */
export async function handleOutboxMessage(topic: string, data: unknown, services: OutboxServices, handlers: OutboxHandlers): Promise<void> {
  if (!(topic in OUTBOX_TOPICS)) throw new Error(`unknown outbox topic "${topic}"`)
  const known = topic as OutboxTopic
  const parsed = OUTBOX_TOPICS[known].parse(data)
  await (handlers[known] as OutboxHandler<typeof known>)(parsed as never, services)
}
