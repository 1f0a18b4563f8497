import type { PayloadRequest } from 'payload'
import type { File } from '../../payload-types.ts'
import { offsetPage } from '../../lib/db/offsetPage.ts'

/** The user's files, newest first (skip/limit). */
export async function listFiles(req: PayloadRequest, ownerId: number, page: { offset: number; limit: number }): Promise<File[]> {
  return offsetPage(req, 'files', { table: 'files', ownerId, ...page })
}
