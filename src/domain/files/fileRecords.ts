import type { File, PayloadRequest } from 'payload'
import type { File as StoredFile } from '../../payload-types.ts'

/** The only writer of `files`. */

export type NewFile = { user: number; original_filename: string; description: string | null; tags: string[] }

/**
 * Stores an upload (Payload copies the temp file to disk or streams it to S3; the storage hook counts it
 * against the quota). overrideAccess: the collection's create is for staff in the admin; members' uploads
 * come only through uploadFile, which detected the type from the bytes.
 */
export async function insertFile(req: PayloadRequest, data: NewFile, file: File): Promise<StoredFile> {
  return req.payload.create({ collection: 'files', data, file, depth: 0, overrideAccess: true, req })
}

/** Deletes a file row and its stored bytes; access was checked by the caller. */
export async function deleteFileRecord(req: PayloadRequest, id: number): Promise<void> {
  await req.payload.delete({ collection: 'files', id, depth: 0, overrideAccess: true, req })
}
