import type { CollectionAfterReadHook } from 'payload'
import { isWaitingTooLong } from '../../src/domain/crm/waiting.ts'
import type { CrmBooking } from '../../src/payload-types.ts'

/** Fills the virtual `waiting_over_24h` flag the admin list shows. */
export const flagWaitingBooking: CollectionAfterReadHook<CrmBooking> = ({ doc }) => ({
  ...doc,
  waiting_over_24h: isWaitingTooLong(doc, new Date()),
})
