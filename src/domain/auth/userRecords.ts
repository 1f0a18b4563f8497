import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { rootDb, txDb } from '../../lib/transaction.ts'

/**
 * Writes to `users` that other areas need (identity owns the table; Payload writes what members and
 * staff edit, under the collection's access rules).
 */

/**
 * Remembers the user's Stripe customer, once: a concurrent first checkout keeps the one stored first.
 * Committed at once, outside the caller's transaction: a subscription attempt holds its transaction open
 * across Stripe calls, and the webhooks those calls trigger must find the user by customer id (and update
 * the user row) without waiting for it, or the two would deadlock.
 */
export async function linkStripeCustomer(req: PayloadRequest, userId: number, customerId: string): Promise<void> {
  await rootDb(req.payload).execute(
    sql`UPDATE users SET stripe_customer_id = ${customerId} WHERE id = ${userId} AND stripe_customer_id IS NULL`,
  )
}

/** The user's rate-limit tier, from what their subscriptions entitle them to (billing decides). */
export async function setRateLimitTier(req: PayloadRequest, userId: number, tier: 'standard' | 'premium'): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`UPDATE users SET rate_limit_tier = ${tier} WHERE id = ${userId} AND rate_limit_tier IS DISTINCT FROM ${tier}`)
}

/** Adds a role the user's company binding or profile entitles them to (startup, investor); no-op if held. */
export async function grantRole(req: PayloadRequest, userId: number, role: 'startup' | 'investor'): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`
    INSERT INTO users_roles ("order", parent_id, value)
    SELECT COALESCE(MAX(r."order"), 0) + 1, ${userId}, ${role}::enum_users_roles FROM users_roles r
    WHERE r.parent_id = ${userId}
    HAVING NOT EXISTS (SELECT 1 FROM users_roles x WHERE x.parent_id = ${userId} AND x.value = ${role})`)
}
