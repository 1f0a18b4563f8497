import type { PayloadRequest } from 'payload'
import type { File } from '../../payload-types.ts'
import { findFile } from './findFile.ts'

/** One file record the caller may read. */
export async function getFile(req: PayloadRequest, id: number, options: { shareToken?: string } = {}): Promise<File> {
  return findFile(req, id, options)
}
