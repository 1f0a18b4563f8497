import type { CollectionAfterDeleteHook } from 'payload'
import { extractID } from 'payload/shared'
import { releaseStorage as release } from '../../src/domain/storage/releaseStorage.ts'

/** A deleted media or file frees its bytes of the owner's quota, in the delete's transaction. */
export const releaseStorage: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (doc.user) await release(req, Number(extractID(doc.user)), Number(doc.filesize ?? 0))
  return doc
}
