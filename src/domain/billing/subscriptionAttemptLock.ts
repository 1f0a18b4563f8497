import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { txDb, withTransaction } from '../../lib/transaction.ts'

/**
 * Starting a subscription (Checkout or payment method) runs one at a time per member, across instances:
 * a double submit waits for the first, then sees its subscription and gets 409. The lock is a transaction
 * advisory lock on req's own connection, so waiting never needs a second pooled connection; everything
 * fn writes through req commits together when it returns, and rolls back if it throws.
 */
export async function oneSubscriptionAttemptAtATime<T>(req: PayloadRequest, userId: number, fn: () => Promise<T>): Promise<T> {
  return withTransaction(req, async () => {
    const db = await txDb(req)
    await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`subscription-attempt:${userId}`}))`)
    return fn()
  })
}
