import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type { User } from '../../payload-types.ts'
import { stripe } from '../../integrations/stripe/client.ts'
import { txDb } from '../../lib/transaction.ts'
import { linkStripeCustomer } from '../auth/userRecords.ts'
import { firstRow } from '../../lib/db/sql.ts'

/** The user's Stripe customer, created once (idempotency key per user) and remembered on the user. */
export async function ensureCustomer(req: PayloadRequest, user: User): Promise<string> {
  const existing = await storedCustomerId(req, user.id)
  if (existing) return existing
  const customer = await stripe().customers.create(
    { email: user.email ?? undefined, name: user.full_name ?? undefined, metadata: { user_id: String(user.id) } },
    { idempotencyKey: `customer:${user.id}` },
  )
  await linkStripeCustomer(req, user.id, customer.id)
  return customer.id
}

/** The user a Stripe customer belongs to. */
export async function userOfCustomer(req: PayloadRequest, customerId: string): Promise<number | null> {
  const db = await txDb(req)
  const found = await db.execute(sql`SELECT id FROM users WHERE stripe_customer_id = ${customerId}`)
  return firstRow<{ id: number }>(found)?.id ?? null
}

/** The Stripe customer remembered on the user, if any. */
export async function storedCustomerId(req: PayloadRequest, userId: number): Promise<string | null> {
  const db = await txDb(req)
  const stored = await db.execute(sql`SELECT stripe_customer_id FROM users WHERE id = ${userId}`)
  return firstRow<{ stripe_customer_id: string | null }>(stored)?.stripe_customer_id ?? null
}
