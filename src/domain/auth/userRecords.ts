import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { txDb } from '../../lib/transaction.ts'

/**
 * Writes to `users` that other areas need (identity owns the table; Payload writes what members and
 * staff edit, under the collection's access rules).
 */

/** Remembers the user's Stripe customer, once: a concurrent first checkout keeps the one stored first. */
export async function linkStripeCustomer(req: PayloadRequest, userId: number, customerId: string): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`UPDATE users SET stripe_customer_id = ${customerId} WHERE id = ${userId} AND stripe_customer_id IS NULL`)
}

/** The user's rate-limit tier, from what their subscriptions entitle them to (billing decides). */
export async function setRateLimitTier(req: PayloadRequest, userId: number, tier: 'standard' | 'premium'): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`UPDATE users SET rate_limit_tier = ${tier} WHERE id = ${userId} AND rate_limit_tier IS DISTINCT FROM ${tier}`)
}
