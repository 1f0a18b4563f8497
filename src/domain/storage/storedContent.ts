import { openBlob, type StoredBlob, type UploadCollection } from './blobs.ts'

/** Everything the HTTP layer needs to serve an upload's bytes (Range, ETag, type, download name). */
export type StoredContent = {
  blob: StoredBlob
  mimeType: string
  /** Strong: a stored file never changes (new content is a new upload with a new name). */
  etag: string
  /** The name a download should carry (the client's original file name). */
  downloadName: string
}

/** The strong validator of a stored file: its stored name and size (names are UUIDs, never reused). */
function storedEtag(filename: string, size: number): string {
  return `"${filename.replace(/[^A-Za-z0-9.-]/g, '')}-${size.toString(16)}"`
}

/** The bytes of a stored upload document (media or file) with what serving them needs. */
export async function openStoredContent(
  collection: UploadCollection,
  filename: string,
  upload: { prefix?: string | null; mimeType?: string | null; original_filename: string },
): Promise<StoredContent> {
  const blob = await openBlob(collection, filename, upload.prefix)
  return {
    blob,
    mimeType: upload.mimeType ?? 'application/octet-stream',
    etag: storedEtag(filename, blob.size),
    downloadName: upload.original_filename,
  }
}
