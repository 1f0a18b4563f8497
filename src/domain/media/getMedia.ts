import type { PayloadRequest } from 'payload'
import type { Media } from '../../payload-types.ts'
import { findMedia } from './findMedia.ts'
import { transcodeJobsOf, type TranscodeJob } from './mediaRecords.ts'

export type MediaWithTranscodes = { media: Media; transcodes: TranscodeJob[] }

/** A media record the caller may read, with its latest transcodes (what clients poll for a transcode's status). */
export async function getMedia(req: PayloadRequest, id: number, options: { shareToken?: string } = {}): Promise<MediaWithTranscodes> {
  const media = await findMedia(req, id, options)
  return { media, transcodes: await transcodeJobsOf(req, id) }
}
