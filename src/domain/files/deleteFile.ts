import type { PayloadRequest } from 'payload'
import { NotFoundError } from '../../lib/errors.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { deleteFileRecord } from './fileRecords.ts'

/** Deletes one of the caller's files (staff: any); the bytes no longer count against the quota. */
export async function deleteFile(req: PayloadRequest, id: number): Promise<void> {
  const own = await req.payload.findByID({ collection: 'files', id, depth: 0, select: {}, overrideAccess: false, req, disableErrors: true })
  if (!own) throw new NotFoundError('File not found.')
  await withTransaction(req, () => deleteFileRecord(req, id))
}
