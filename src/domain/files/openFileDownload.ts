import type { PayloadRequest } from 'payload'
import { NotFoundError } from '../../lib/errors.ts'
import { openBlob } from '../storage/blobs.ts'
import { storedEtag, type StoredContent } from '../storage/storedContent.ts'
import { findFile } from './findFile.ts'

/** The bytes of a file the caller may read, with its original name for Content-Disposition. */
export async function openFileDownload(req: PayloadRequest, id: number, options: { shareToken?: string } = {}): Promise<StoredContent> {
  const file = await findFile(req, id, options)
  if (!file.filename) throw new NotFoundError('File not found.')
  const blob = await openBlob('files', file.filename, file.prefix)
  return {
    blob,
    mimeType: file.mimeType ?? 'application/octet-stream',
    etag: storedEtag(file.filename, blob.size),
    downloadName: file.original_filename,
  }
}
