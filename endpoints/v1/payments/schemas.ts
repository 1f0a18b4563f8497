import { z } from 'zod'
import { PAYMENT_METHODS, PAYMENT_STATUSES } from '../../../src/domain/payments/statuses.ts'

export const PaymentMethod = z.enum(PAYMENT_METHODS, { error: 'Choose card, alipay or wechat_pay.' })
const redirect = z.url({ error: 'Enter an absolute URL.' }).max(2000)

export const CheckoutBody = z.object({
  event_id: z.number().int().positive(),
  payment_method: PaymentMethod.default('card'),
  success_url: redirect,
  cancel_url: redirect,
})
export const CheckoutOut = z.object({ session_id: z.string(), checkout_url: z.string(), payment_id: z.number(), expires_at: z.string() })
export const PaymentParams = z.object({ payment_id: z.coerce.number().int().positive() })
export const SubscribeBody = z.object({ plan_id: z.string().trim().min(1).max(100), payment_method_id: z.string().trim().min(1).max(255) })
export const WebhookOut = z.object({ received: z.literal(true), duplicate: z.boolean() })

export const PaymentStatusOut = z.object({
  payment_id: z.number(),
  status: z.enum(PAYMENT_STATUSES),
  amount_cents: z.number(),
  amount: z.number(),
  currency: z.string(),
  payment_method: z.string(),
  failure_reason: z.string().nullable(),
  created_at: z.string(),
  paid_at: z.string().nullable(),
  registration: z.object({ id: z.number(), event_id: z.number(), status: z.string(), ticket_code: z.string().nullable() }).nullable(),
})
