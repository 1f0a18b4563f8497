import type { CollectionBeforeChangeHook } from 'payload'
import { extractID } from 'payload/shared'
import { reserveStorage as reserve } from '../../src/domain/storage/reserveStorage.ts'

/** Every new media or file counts against its owner's quota, in the create's transaction (413 when full). */
export const reserveStorage: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || !data.user) return data
  await reserve(req, Number(extractID(data.user)), Number(data.filesize ?? 0))
  return data
}
