import type { PayloadRequest } from 'payload'
import type { File } from '../../payload-types.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { detectContentType } from '../storage/detectContentType.ts'
import { cleanOriginalName, storedFilename, type ReceivedFile } from '../storage/storedFilename.ts'
import { insertFile } from './fileRecords.ts'

/** Stores any file with its description and tags; the type is detected from the bytes. 413 over the quota. */
export async function uploadFile(
  req: PayloadRequest,
  ownerId: number,
  upload: ReceivedFile,
  details: { description: string | null; tags: string[] },
): Promise<File> {
  const detected = await detectContentType(upload.tempFilePath)
  const name = storedFilename(upload.originalName, detected.ext)
  return withTransaction(req, () =>
    insertFile(
      req,
      { user: ownerId, original_filename: cleanOriginalName(upload.originalName), description: details.description, tags: details.tags },
      { name, data: Buffer.alloc(0), mimetype: detected.mime, size: upload.size, tempFilePath: upload.tempFilePath },
    ),
  )
}
