import type { CollectionAfterChangeHook } from 'payload'
import { forgetEventTypes } from '../../src/domain/events/eventTypes.ts'

/** A staff edit to event types is visible to this instance at once (others within the cache's 30 s). */
export const forgetEventTypeCache: CollectionAfterChangeHook = ({ doc, req }) => {
  forgetEventTypes(req.payload)
  return doc
}
