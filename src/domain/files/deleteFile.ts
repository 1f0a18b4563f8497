import type { PayloadRequest } from 'payload'
import { withTransaction } from '../../lib/transaction.ts'
import { deleteFileRecord } from './fileRecords.ts'
import { findOwnFile } from './findFile.ts'

/** Deletes one of the caller's files (staff: any); the bytes no longer count against the quota. */
export async function deleteFile(req: PayloadRequest, id: number): Promise<void> {
  await findOwnFile(req, id)
  await withTransaction(req, () => deleteFileRecord(req, id))
}
