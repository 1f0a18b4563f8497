import type { File } from '../../../src/payload-types.ts'
import { config } from '../../../src/lib/config.ts'
import { iso } from '../../../src/lib/dates.ts'

/** spec 003's file body. */
export function serializeFile(file: File) {
  return {
    id: file.id,
    filename: file.filename ?? '',
    original_filename: file.original_filename,
    file_size: Number(file.filesize ?? 0),
    mime_type: file.mimeType ?? 'application/octet-stream',
    description: file.description ?? null,
    tags: Array.isArray(file.tags) ? file.tags.map(String) : [],
    download_url: `${config.PUBLIC_URL}/api/v1/files/${file.id}/download`,
    created_at: iso(file.createdAt),
  }
}
