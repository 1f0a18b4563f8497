import type { PayloadRequest } from 'payload'
import { extractID } from 'payload/shared'
import { personCardLookup } from '../../../src/domain/friends/personCards.ts'
import type { SupportTicket } from '../../../src/payload-types.ts'
import { iso, isoOrNull } from '../../../src/lib/dates.ts'

/** A ticket with its replies; people as {id, name, avatar}. */
export async function serializeTickets(req: PayloadRequest, tickets: SupportTicket[]) {
  const ids = tickets.flatMap((ticket) => [
    extractID(ticket.user),
    ...(ticket.assigned_to ? [extractID(ticket.assigned_to)] : []),
    ...(ticket.replies ?? []).flatMap((reply) => (reply.author ? [extractID(reply.author)] : [])),
  ])
  const card = await personCardLookup(req, ids)
  return tickets.map((ticket) => ({
    id: ticket.id,
    subject: ticket.subject,
    message: ticket.message,
    status: ticket.status,
    user: card(extractID(ticket.user)),
    assigned_to: ticket.assigned_to ? card(extractID(ticket.assigned_to)) : null,
    replies: (ticket.replies ?? []).map((reply) => ({
      id: reply.id ?? '',
      message: reply.message,
      author: reply.author ? card(extractID(reply.author)) : null,
      created_at: isoOrNull(reply.created_at),
    })),
    resolved_at: isoOrNull(ticket.resolved_at),
    created_at: iso(ticket.createdAt),
    updated_at: iso(ticket.updatedAt),
  }))
}

export async function serializeTicket(req: PayloadRequest, ticket: SupportTicket) {
  const [view] = await serializeTickets(req, [ticket])
  return view
}
