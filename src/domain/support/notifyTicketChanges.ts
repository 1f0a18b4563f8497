import type { PayloadRequest } from 'payload'
import type { SupportTicket } from '../../payload-types.ts'
import { notify } from '../notifications/notify.ts'
import { newReplies, ticketOwnerId } from './ticketChanges.ts'

const TYPE = 'support_ticket_updated'

/** Tells the ticket's opener of each new reply and of its resolution (each once, by dedupe key). */
export async function notifyTicketChanges(req: PayloadRequest, doc: SupportTicket, previous: SupportTicket | undefined): Promise<void> {
  const owner = ticketOwnerId(doc)
  const redirect = { kind: 'support_ticket', id: doc.id }
  for (const reply of newReplies(doc, previous)) {
    await notify(
      owner,
      TYPE,
      {
        title: `New reply to your ticket "${doc.subject}"`.slice(0, 255),
        message: reply.message.slice(0, 5000),
        redirect,
        metadata: { ticket_id: doc.id, reply_id: reply.id, status: doc.status },
      },
      { req, dedupeKey: `support-ticket:${doc.id}:reply:${reply.id}` },
    )
  }
  if (doc.status === 'resolved' && previous?.status !== 'resolved') {
    await notify(
      owner,
      TYPE,
      {
        title: `Your ticket "${doc.subject}" was resolved`.slice(0, 255),
        message: 'Reply to reopen it if the problem is still there.',
        redirect,
        metadata: { ticket_id: doc.id, status: doc.status },
      },
      { req, dedupeKey: `support-ticket:${doc.id}:resolved:${doc.resolved_at ?? ''}` },
    )
  }
}
