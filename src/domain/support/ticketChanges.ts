import { extractID } from 'payload/shared'
import type { SupportTicket } from '../../payload-types.ts'

type Reply = NonNullable<SupportTicket['replies']>[number]

/**
 * Stamps a change to a ticket before it is stored: new replies (no time yet) get the acting user and now;
 * moving to resolved records when. Pure, so the admin and /api/v1 write the same thing.
 */
export function stampReplies(
  data: Partial<SupportTicket>,
  original: Partial<SupportTicket> | undefined,
  actorId: number | null,
  now: Date,
): Partial<SupportTicket> {
  const replies = data.replies?.map((reply) =>
    reply.created_at ? reply : { ...reply, author: reply.author ?? actorId, created_at: now.toISOString() },
  )
  const resolvedNow = data.status === 'resolved' && original?.status !== 'resolved'
  const reopened = data.status !== undefined && data.status !== 'resolved' && data.status !== 'closed'
  return {
    ...data,
    ...(replies ? { replies } : {}),
    ...(resolvedNow ? { resolved_at: now.toISOString() } : reopened ? { resolved_at: null } : {}),
  }
}

/** Replies of `doc` that `previous` did not have. */
export function newReplies(doc: SupportTicket, previous: SupportTicket | undefined): Reply[] {
  const known = new Set((previous?.replies ?? []).map((reply) => reply.id))
  return (doc.replies ?? []).filter((reply) => !known.has(reply.id))
}

export const ticketOwnerId = (ticket: SupportTicket): number => extractID(ticket.user)
