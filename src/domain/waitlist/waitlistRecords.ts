import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'
import { firstRow } from '../../lib/db/sql.ts'
import { rootDb, txDb } from '../../lib/transaction.ts'

/** The only code that writes waitlist_entries. */

export type WaitlistPlace = { id: number; position: number; created: boolean }

/**
 * Adds the email at the next position, or finds its existing row. Positions are handed out under a
 * transaction-scoped advisory lock, so concurrent sign-ups take 1, 2, 3... with no gap or repeat (a
 * rolled-back sign-up releases its number with the lock); the unique index on lower(email) decides
 * duplicates and the unique index on position backs the numbering.
 */
export async function addEntry(
  req: PayloadRequest,
  entry: { email: string; source: string | null; ip: string | null },
): Promise<WaitlistPlace> {
  const db = await txDb(req)
  // A statement of its own: the INSERT below takes its snapshot after the lock, so it sees the last position.
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('waitlist-entries:position'))`)
  const inserted = await db.execute(sql`
    INSERT INTO waitlist_entries (email, source, position, confirmation_sent, subscribed_at, ip, updated_at, created_at)
    SELECT ${entry.email}, ${entry.source}, COALESCE(max(position), 0) + 1, false, now(), ${entry.ip}, now(), now() FROM waitlist_entries
    ON CONFLICT ((lower(email))) DO NOTHING
    RETURNING id, position`)
  const row = firstRow<{ id: number; position: string }>(inserted)
  if (row) return { id: row.id, position: Number(row.position), created: true }
  const existing = await findEntry(db, entry.email)
  if (!existing) throw new Error('waitlist entry vanished between insert and read')
  return { ...existing, created: false }
}

type Db = Awaited<ReturnType<typeof txDb>>

export async function findEntry(db: Db, email: string): Promise<{ id: number; position: number; confirmation_sent: boolean } | undefined> {
  const result = await db.execute(sql`SELECT id, position, confirmation_sent FROM waitlist_entries WHERE lower(email) = lower(${email})`)
  const row = firstRow<{ id: number; position: string; confirmation_sent: boolean | null }>(result)
  return row && { id: row.id, position: Number(row.position), confirmation_sent: row.confirmation_sent === true }
}

/** Records that the confirmation email went out (called by the outbox worker after sending it). */
export async function markConfirmationSent(payload: Payload, id: number): Promise<void> {
  await rootDb(payload).execute(sql`UPDATE waitlist_entries SET confirmation_sent = true, updated_at = now() WHERE id = ${id}`)
}
