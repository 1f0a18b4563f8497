import type { PayloadRequest } from 'payload'
import { extractID } from 'payload/shared'
import { BadRequestError } from '../../lib/errors.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { findOwnMedia } from './findMedia.ts'
import { queueTranscodeJob, setTranscodeState, type TranscodeJob } from './mediaRecords.ts'
import type { TranscodeFormat, TranscodeQuality } from './statuses.ts'
import { wakeTranscodeWorkers } from './wakeTranscodeWorkers.ts'

/**
 * Queues a transcode of one of the caller's media (staff: any) for the transcode worker, and marks the
 * media `queued` for clients that poll it. The owner is notified when it is done or has failed.
 */
export async function requestTranscode(
  req: PayloadRequest,
  mediaId: number,
  { format, quality }: { format: TranscodeFormat; quality: TranscodeQuality },
): Promise<TranscodeJob> {
  const media = await findOwnMedia(req, mediaId)
  if (media.media_type === 'image') throw new BadRequestError('Images cannot be transcoded; upload a video or audio file.')
  if (format !== 'mp3' && media.media_type !== 'video')
    throw new BadRequestError(`This medium has no picture to make a ${format} video of; ask for mp3.`)
  return withTransaction(req, async () => {
    const { job, created } = await queueTranscodeJob(req, { mediaId, userId: Number(extractID(media.user)), format, quality })
    if (created) {
      await setTranscodeState(req, mediaId, { status: 'queued' })
      await wakeTranscodeWorkers(req)
    }
    return job
  })
}
