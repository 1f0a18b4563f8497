import { extractID } from 'payload/shared'
import type { TranscodeJob } from '../../../src/domain/media/mediaRecords.ts'
import type { Media } from '../../../src/payload-types.ts'
import { config } from '../../../src/lib/config.ts'
import { iso, isoOrNull } from '../../../src/lib/dates.ts'

export const mediaUrl = (id: number, tail = '') => `${config.PUBLIC_URL}/api/v1/media/${id}${tail}`

/** spec 003's media body. */
export function serializeMedia(media: Media) {
  return {
    id: media.id,
    filename: media.filename ?? '',
    original_filename: media.original_filename,
    file_size: Number(media.filesize ?? 0),
    mime_type: media.mimeType ?? 'application/octet-stream',
    media_type: media.media_type,
    duration: media.duration ?? null,
    width: media.width ?? null,
    height: media.height ?? null,
    transcoded: Boolean(media.transcoded),
    transcode_status: media.transcode_status,
    transcode_error: media.transcode_error ?? null,
    transcoded_from: media.transcoded_from ? Number(extractID(media.transcoded_from)) : null,
    stream_url: mediaUrl(media.id, '/stream'),
    created_at: iso(media.createdAt),
  }
}

export function serializeTranscodeJob(job: TranscodeJob) {
  return {
    id: job.id,
    output_format: job.output_format,
    quality: job.quality,
    status: job.status,
    output_media_id: job.output_id,
    error: job.error,
    created_at: iso(job.created_at),
    finished_at: isoOrNull(job.finished_at),
  }
}
