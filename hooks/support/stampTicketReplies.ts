import type { CollectionBeforeChangeHook } from 'payload'
import type { SupportTicket } from '../../src/payload-types.ts'
import { stampReplies } from '../../src/domain/support/ticketChanges.ts'

/** New replies get their author and time, and a resolution its time, whichever interface made the change. */
export const stampTicketReplies: CollectionBeforeChangeHook<SupportTicket> = ({ data, originalDoc, req }) =>
  stampReplies(data, originalDoc, req.user?.id ?? null, new Date())
