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

/** Pushes a chat room's messages up to `seq` to its sockets, in seq order, and notifies absent receivers. */
export const ChatDelivery = z.object({
  room_id: z.number().int().positive(),
  seq: z.number().int().positive(),
  /** The `message:new` event as stored, pushed as is when the message is next in line. */
  event: z.record(z.string(), z.unknown()),
})

/** The product waitlist's confirmation email, rendered and marked sent when it goes out. */
export const WaitlistConfirmation = z.object({ entry_id: z.number().int().positive() })

export const StripeRefund = z.object({ payment_id: z.number().int(), payment_intent: z.string().min(1) })
/** A refund of a friend session's charge (cancelled in time); keyed by the session, so it is refunded once. */
export const SessionRefund = z.object({ session_id: z.number().int().positive(), payment_intent: z.string().min(1) })
export const StripeSessionExpiry = z.object({ session_id: z.string().min(1) })

/** A registration was created, cancelled or paid: the CRM brings its row up to date (src/domain/crm). */
export const CrmBookingSync = z.object({ registration_id: z.number().int().positive() })
/** A CRM booking's current state, POSTed to the external CRM (CRM_SERVICE_URL). */
export const CrmDelivery = z.object({ crm_booking_id: z.number().int().positive() })
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
  'chat.deliver': ChatDelivery,
  'stripe.refund': StripeRefund,
  'stripe.expire_session': StripeSessionExpiry,
  'sessions.refund': SessionRefund,
  'crm.booking': CrmBookingSync,
  'crm.deliver': CrmDelivery,
  'ai.train': AiTraining,
  'integrations.sync': IntegrationSync,
} as const

export type OutboxTopic = keyof typeof OUTBOX_TOPICS

/**
 * Which messages the worker may perform at the same time. Messages with the same key run one after the
 * other in claim order, different keys at once: each email is its own key; a room's chat deliveries share
 * one (they would only queue on the room's delivery lock, each holding a connection). Topics without a
 * key (pushes, CRM and Stripe calls) all run one after the other in claim order.
 */
export function concurrencyKey(topic: string, data: unknown, id: number): string | null {
  if (topic === 'email.send') return `email:${id}`
  if (topic === 'chat.deliver') {
    const parsed = ChatDelivery.safeParse(data)
    return parsed.success ? `chat:${parsed.data.room_id}` : null
  }
  return null
}
export type OutboxData<T extends OutboxTopic> = z.input<(typeof OUTBOX_TOPICS)[T]>
