import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type { Registration } from '../../payload-types.ts'
import { ConflictError, NotFoundError } from '../../lib/errors.ts'
import { txDb, withTransaction } from '../../lib/transaction.ts'

/**
 * Marks a ticket used. One conditional UPDATE from confirmed to checked_in, so a ticket scanned twice
 * (or at two doors at once) is admitted once; the second scan learns when the first happened.
 */
export async function checkInTicket(req: PayloadRequest, eventId: number, ticketCode: string): Promise<Registration> {
  return withTransaction(req, async () => {
    const db = await txDb(req)
    const code = ticketCode.trim().toUpperCase()
    const admitted = await db.execute(sql`
      UPDATE registrations SET status = 'checked_in', checked_in_at = now()
      WHERE event_id = ${eventId} AND ticket_code = ${code} AND status = 'confirmed'
      RETURNING id`)
    const row = admitted.rows[0] as { id: number } | undefined
    if (row) return req.payload.findByID({ collection: 'registrations', id: row.id, depth: 0, overrideAccess: true, req })
    const found = await db.execute(
      sql`SELECT status, checked_in_at FROM registrations WHERE event_id = ${eventId} AND ticket_code = ${code}`,
    )
    const existing = found.rows[0] as { status: string; checked_in_at: string | null } | undefined
    if (!existing) throw new NotFoundError('No ticket with this code for this event.')
    if (existing.status === 'checked_in') {
      const at = new Date(existing.checked_in_at ?? 0).toISOString()
      throw new ConflictError(`This ticket was already checked in at ${at}.`)
    }
    throw new ConflictError(existing.status === 'pending_payment' ? 'This ticket has not been paid.' : 'This ticket was cancelled.')
  })
}
