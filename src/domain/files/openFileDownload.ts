import type { PayloadRequest } from 'payload'
import { NotFoundError } from '../../lib/errors.ts'
import { openStoredContent, type StoredContent } from '../storage/storedContent.ts'
import { findFile } from './findFile.ts'

/** The bytes of a file the caller may read, with its original name for Content-Disposition. */
export async function openFileDownload(req: PayloadRequest, id: number, options: { shareToken?: string } = {}): Promise<StoredContent> {
  const file = await findFile(req, id, options)
  if (!file.filename) throw new NotFoundError('File not found.')
  return openStoredContent('files', file.filename, file)
}
