import { z } from 'zod'

export const EmailMessage = z.object({
  to: z.union([z.email(), z.array(z.email()).min(1)]),
  subject: z.string().min(1),
  text: z.string(),
  html: z.string().optional(),
  attachments: z.array(z.object({ filename: z.string(), content_base64: z.string(), content_type: z.string() })).optional(),
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) on notification and digest mail. */
  headers: z.record(z.string(), z.string()).optional(),
})

export const RealtimeMessage = z.object({
  room: z.string().min(1),
  event: z.string().min(1),
  data: z.unknown(),
})

/** Tells a user's connected clients their exact unread count, counted when the message is delivered. */
export const UnreadCountPush = z.object({ user_id: z.number().int().positive() })

/** The product waitlist's confirmation email, rendered and marked sent when it goes out. */
export const WaitlistConfirmation = z.object({ entry_id: z.number().int().positive() })

export const StripeRefund = z.object({ payment_id: z.number().int(), payment_intent: z.string().min(1) })
export const StripeSessionExpiry = z.object({ session_id: z.string().min(1) })

/** A queued training job of the AI area (src/domain/ai). */
export const AiTraining = z.object({ model_id: z.number().int().positive() })

/** A queued sync of one integration (src/domain/integrations). */
export const IntegrationSync = z.object({ integration_id: z.number().int().positive() })

/** Each outbox topic and the shape of its data. */
export const OUTBOX_TOPICS = {
  'email.send': EmailMessage,
  'realtime.emit': RealtimeMessage,
  'notifications.unread_count': UnreadCountPush,
  'waitlist.confirmation': WaitlistConfirmation,
  'stripe.refund': StripeRefund,
  'stripe.expire_session': StripeSessionExpiry,
  'ai.train': AiTraining,
  'integrations.sync': IntegrationSync,
} as const

export type OutboxTopic = keyof typeof OUTBOX_TOPICS
export type OutboxData<T extends OutboxTopic> = z.input<(typeof OUTBOX_TOPICS)[T]>
