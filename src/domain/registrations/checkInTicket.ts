import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { firstRow } from '../../lib/db/sql.ts'
import { iso } from '../../lib/dates.ts'
import { ConflictError, NotFoundError } from '../../lib/errors.ts'
import { readAsSystem } from '../../lib/readAsSystem.ts'
import { txDb, withTransaction } from '../../lib/transaction.ts'
import type { Registration } from '../../payload-types.ts'
import { markCheckedIn } from './registrationRecords.ts'

/**
 * Marks a ticket used. One conditional UPDATE from confirmed to checked_in, so a ticket scanned twice
 * (or at two doors at once) is admitted once; the second scan learns when the first happened.
 */
export async function checkInTicket(req: PayloadRequest, eventId: number, ticketCode: string): Promise<Registration> {
  return withTransaction(req, async () => {
    const code = ticketCode.trim().toUpperCase()
    const admittedId = await markCheckedIn(req, eventId, code)
    if (admittedId) return readAsSystem(req, 'registrations', admittedId)
    const db = await txDb(req)
    const existing = firstRow<{ status: string; checked_in_at: string | null }>(
      await db.execute(sql`SELECT status, checked_in_at FROM registrations WHERE event_id = ${eventId} AND ticket_code = ${code}`),
    )
    if (!existing) throw new NotFoundError('No ticket with this code for this event.')
    if (existing.status === 'checked_in')
      throw new ConflictError(`This ticket was already checked in at ${iso(existing.checked_in_at ?? 0)}.`)
    throw new ConflictError(existing.status === 'pending_payment' ? 'This ticket has not been paid.' : 'This ticket was cancelled.')
  })
}
