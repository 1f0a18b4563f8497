import type { PayloadRequest, TypedUser, Where } from 'payload'
import type { SupportTicket } from '../../payload-types.ts'
import { isStaffMember } from '../../access/isStaffMember.ts'
import { NotFoundError, RequestValidationError } from '../../lib/errors.ts'
import { findAsCaller, findAsSystem } from '../../lib/readAsSystem.ts'
import { dateRange, findListPage, sortFor, type ListQuery } from '../../lib/listQuery.ts'
import { withTransaction } from '../../lib/transaction.ts'
import type { TicketStatus } from './statuses.ts'
import { insertTicket, lockTicket, updateTicketRow } from './ticketRecords.ts'

export const TICKET_ORDERING = { created_at: 'createdAt', updated_at: 'updatedAt', status: 'status' }

export type TicketListQuery = ListQuery & { status?: TicketStatus; assignedTo?: number; mine: boolean }

/** A user opens a support ticket. */
export async function openTicket(
  req: PayloadRequest,
  user: TypedUser,
  input: { subject: string; message: string },
): Promise<SupportTicket> {
  return withTransaction(req, () => insertTicket(req, { userId: user.id, ...input }))
}

/** The caller's own tickets (`mine`), or every ticket for staff (collection access keeps others' rows out). Newest first. */
export async function listTickets(req: PayloadRequest, user: TypedUser, query: TicketListQuery) {
  const where: Where[] = dateRange('createdAt', query)
  if (query.mine) where.push({ user: { equals: user.id } })
  if (query.status) where.push({ status: { equals: query.status } })
  if (query.assignedTo) where.push({ assigned_to: { equals: query.assignedTo } })
  if (query.search) where.push({ or: [{ subject: { like: query.search } }, { message: { like: query.search } }] })
  return findListPage(req, 'support-tickets', { where, sort: [sortFor(query.ordering, TICKET_ORDERING, '-createdAt'), '-id'] }, query)
}

/** A ticket its opener or staff may see; 404 for anyone else. */
export async function findTicket(req: PayloadRequest, id: number): Promise<SupportTicket> {
  const ticket = await findAsCaller(req, 'support-tickets', id)
  if (!ticket) throw new NotFoundError('Ticket not found.')
  return ticket
}

export type TicketAction = { status?: TicketStatus; assignedTo?: number | null; reply?: string }

/** Staff move a ticket, assign it to a staff member and/or reply; the opener is notified of the reply and of the resolution. */
export async function actOnTicket(req: PayloadRequest, id: number, action: TicketAction): Promise<SupportTicket> {
  if (action.assignedTo) {
    const assignee = await findAsSystem(req, 'users', action.assignedTo)
    if (!assignee || !isStaffMember(assignee)) throw new RequestValidationError({ assigned_to: ['Tickets are assigned to staff members.'] })
  }
  return withTransaction(req, async () => {
    await lockTicket(req, id)
    const ticket = await findTicket(req, id)
    const replies = action.reply ? [...(ticket.replies ?? []), { message: action.reply }] : undefined
    return updateTicketRow(req, id, { status: action.status, assignedTo: action.assignedTo, replies })
  })
}
