import type { Payload } from 'payload'
import type { Realtime } from '../../realtime/index.ts'
import { stripe } from '../../lib/stripe.ts'
import { expireCheckoutSessionIfOpen } from '../payments/expireCheckoutSession.ts'
import { OUTBOX_TOPICS, type OutboxTopic } from './topics.ts'

export type OutboxServices = { payload: Payload; realtime?: Realtime }
type Handler<T extends OutboxTopic> = (data: ReturnType<(typeof OUTBOX_TOPICS)[T]['parse']>, services: OutboxServices) => Promise<void>

const handlers: { [T in OutboxTopic]: Handler<T> } = {
  'email.send': async (message, { payload }) => {
    await payload.sendEmail({
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      attachments: message.attachments?.map((file) => ({
        filename: file.filename,
        content: Buffer.from(file.content_base64, 'base64'),
        contentType: file.content_type,
      })),
    })
  },
  'realtime.emit': async (message, { realtime }) => {
    if (!realtime) throw new Error('realtime is not running in this process')
    realtime.io.to(message.room).emit(message.event, message.data)
  },
  // One refund per payment whatever the retries: Stripe deduplicates on the idempotency key.
  'stripe.refund': async (message) => {
    await stripe().refunds.create(
      { payment_intent: message.payment_intent, reason: 'requested_by_customer', metadata: { payment_id: String(message.payment_id) } },
      { idempotencyKey: `refund:${message.payment_id}` },
    )
  },
  'stripe.expire_session': async (message) => {
    await expireCheckoutSessionIfOpen(message.session_id)
  },
}

/** Performs one outbox row's side effect. Throws (and the worker retries) when it cannot. */
export async function handleOutboxMessage(topic: string, data: unknown, services: OutboxServices): Promise<void> {
  if (!(topic in OUTBOX_TOPICS)) throw new Error(`unknown outbox topic "${topic}"`)
  const known = topic as OutboxTopic
  const parsed = OUTBOX_TOPICS[known].parse(data)
  await (handlers[known] as Handler<typeof known>)(parsed as never, services)
}
