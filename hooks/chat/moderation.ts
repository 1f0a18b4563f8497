import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'
import { recordModeration } from '../../src/domain/chat/recordModeration.ts'
import { extractID } from 'payload/shared'

/** `deleted_at` follows `hidden` (when it was hidden); nobody sets it directly. */
export const stampHidden: CollectionBeforeChangeHook = ({ data, originalDoc, operation }) => {
  if (operation !== 'update') return data
  const wasHidden = Boolean(originalDoc?.hidden)
  const hidden = data.hidden === undefined ? wasHidden : Boolean(data.hidden)
  data.deleted_at = hidden === wasHidden ? (originalDoc?.deleted_at ?? null) : hidden ? new Date().toISOString() : null
  return data
}

/** Every hide and unhide is logged (in the same transaction) and pushed to the room's participants. */
export const logModeration: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || Boolean(doc.hidden) === Boolean(previousDoc?.hidden)) return doc
  await recordModeration(req, {
    messageId: doc.id,
    roomId: extractID(doc.room),
    seq: doc.seq,
    action: doc.hidden ? 'hide' : 'unhide',
    moderatorId: req.user?.id ?? null,
    reason: doc.moderation_reason ?? null,
  })
  return doc
}
