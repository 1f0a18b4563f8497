import type Stripe from 'stripe'
import { config } from '../../lib/config.ts'
import { BadRequestError } from '../../lib/errors.ts'
import { stripe } from './client.ts'

/** Seconds a signature stays valid (Stripe's default): older deliveries are refused as replays. */
export const SIGNATURE_TOLERANCE = 300

/** The event in a webhook delivery, if the signature over the raw body is Stripe's and recent; else 400. */
export function verifyWebhook(rawBody: Buffer | undefined, signature: string | undefined): Stripe.Event {
  if (!rawBody || !signature) throw new BadRequestError('Missing Stripe signature.')
  try {
    return stripe().webhooks.constructEvent(rawBody, signature, config.STRIPE_WEBHOOK_SECRET, SIGNATURE_TOLERANCE)
  } catch {
    throw new BadRequestError('Invalid Stripe signature.')
  }
}
