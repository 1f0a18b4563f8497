import type { PayloadRequest } from 'payload'
import type { Media } from '../../payload-types.ts'
import { probeMedia, type MediaProbe } from '../../integrations/ffmpeg/probe.ts'
import { RequestValidationError } from '../../lib/errors.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { detectContentType } from '../storage/detectContentType.ts'
import { cleanOriginalName, storedFilename, type ReceivedFile } from '../storage/storedFilename.ts'
import { insertMedia } from './mediaRecords.ts'
import type { MediaType } from './statuses.ts'

const notMedia = (detail: string) => new RequestValidationError({ file: [detail] }, detail)

/**
 * Stores an uploaded video, audio or image. Its type comes from its bytes (file-type) and its streams
 * (ffprobe), never from its name or the client's header; duration and picture size from ffprobe. The
 * owner's storage quota is checked in the same transaction (413 when full).
 */
export async function uploadMedia(req: PayloadRequest, ownerId: number, upload: ReceivedFile): Promise<Media> {
  const detected = await detectContentType(upload.tempFilePath)
  const family = detected.mime.split('/')[0]
  if (!['video', 'audio', 'image'].includes(family)) {
    throw notMedia(`This file is ${detected.mime}, not a video, audio or image file.`)
  }
  const probe = await probeMedia(upload.tempFilePath).catch(() => null)
  if (!probe || (family !== 'image' && !probe.hasAudio && !probe.hasVideo)) throw notMedia('This file could not be read as media.')
  const name = storedFilename(upload.originalName, detected.ext)
  return withTransaction(req, () =>
    insertMedia(
      req,
      {
        user: ownerId,
        original_filename: cleanOriginalName(upload.originalName),
        media_type: mediaTypeOf(family, probe),
        duration: family === 'image' ? null : probe.duration,
        width: probe.width,
        height: probe.height,
      },
      { name, data: Buffer.alloc(0), mimetype: detected.mime, size: upload.size, tempFilePath: upload.tempFilePath },
    ),
  )
}

/** An mp4 or webm holding only sound is audio; images stay images. */
export function mediaTypeOf(family: string, probe: Pick<MediaProbe, 'hasVideo'>): MediaType {
  if (family === 'image') return 'image'
  return probe.hasVideo ? 'video' : 'audio'
}
