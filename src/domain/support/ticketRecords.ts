import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type { SupportTicket } from '../../payload-types.ts'
import { txDb } from '../../lib/transaction.ts'
import type { TicketStatus } from './statuses.ts'

/** The only writer of support tickets from /api/v1 (staff also edit them in the admin, through the same hooks). */

export async function insertTicket(req: PayloadRequest, row: { userId: number; subject: string; message: string }): Promise<SupportTicket> {
  return req.payload.create({
    collection: 'support-tickets',
    data: { user: row.userId, subject: row.subject, message: row.message, status: 'open' },
    depth: 0,
    // overrideAccess: users open tickets only through /api/v1 (create is closed on Payload's APIs); the opener is the caller.
    overrideAccess: true,
    req,
  })
}

/** Locks the ticket's row until the transaction ends, so concurrent replies append instead of overwriting each other. */
export async function lockTicket(req: PayloadRequest, id: number): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`SELECT id FROM support_tickets WHERE id = ${id} FOR UPDATE`)
}

export type TicketChanges = { status?: TicketStatus; assignedTo?: number | null; replies?: { message: string }[] }

/** Staff's change, as the caller (collection access: staff); the hooks stamp replies and notify the opener. */
export async function updateTicketRow(req: PayloadRequest, id: number, changes: TicketChanges): Promise<SupportTicket> {
  return req.payload.update({
    collection: 'support-tickets',
    id,
    data: {
      ...(changes.status ? { status: changes.status } : {}),
      ...(changes.assignedTo !== undefined ? { assigned_to: changes.assignedTo } : {}),
      ...(changes.replies ? { replies: changes.replies } : {}),
    },
    depth: 0,
    overrideAccess: false,
    req,
  })
}
