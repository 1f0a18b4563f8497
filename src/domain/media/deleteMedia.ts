import type { PayloadRequest } from 'payload'
import { withTransaction } from '../../lib/transaction.ts'
import { findOwnMedia } from './findMedia.ts'
import { deleteMediaRecord } from './mediaRecords.ts'

/** Deletes one of the caller's media (staff: any) and its file; its bytes no longer count against the quota. */
export async function deleteMedia(req: PayloadRequest, id: number): Promise<void> {
  await findOwnMedia(req, id)
  await withTransaction(req, () => deleteMediaRecord(req, id))
}
