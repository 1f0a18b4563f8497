import type { CollectionAfterChangeHook } from 'payload'
import { recordStageMove } from '../../src/domain/crm/recordStageMove.ts'
import type { CrmBooking } from '../../src/payload-types.ts'

/** A stage changed by staff in the admin panel goes into the history too, in the same transaction. */
export const recordAdminStageChange: CollectionAfterChangeHook<CrmBooking> = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || !previousDoc || previousDoc.crm_status === doc.crm_status) return doc
  await recordStageMove(req, { crmBookingId: doc.id, from: previousDoc.crm_status, to: doc.crm_status, byUserId: req.user?.id ?? null })
  return doc
}
