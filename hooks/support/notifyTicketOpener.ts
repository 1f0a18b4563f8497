import type { CollectionAfterChangeHook } from 'payload'
import type { SupportTicket } from '../../src/payload-types.ts'
import { notifyTicketChanges } from '../../src/domain/support/notifyTicketChanges.ts'

/** The opener hears of each new reply and of the resolution, in the same transaction as the change. */
export const notifyTicketOpener: CollectionAfterChangeHook<SupportTicket> = async ({ doc, previousDoc, operation, req }) => {
  if (operation === 'update') await notifyTicketChanges(req, doc, previousDoc)
  return doc
}
