import fs from 'node:fs/promises'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { probeMedia } from '../../integrations/ffmpeg/probe.ts'
import { transcodeFile } from '../../integrations/ffmpeg/transcode.ts'
import { logger } from '../../lib/logger.ts'
import { readAsSystem } from '../../lib/readAsSystem.ts'
import { uploadTempDir } from '../../lib/storage/uploadDirs.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { notify } from '../notifications/notify.ts'
import { withLocalFile } from '../storage/blobs.ts'
import { claimTranscodeJob, finishTranscodeJob, insertMedia, setTranscodeState, type TranscodeJob } from './mediaRecords.ts'
import { mediaTypeOf } from './uploadMedia.ts'

/** A job's lease: longer than ffmpeg may run (transcodeFile's timeout), so only a dead worker's job is taken over. */
const LEASE_SECONDS = 70 * 60
const MAX_ATTEMPTS = 3
const MIME: Record<TranscodeJob['output_format'], string> = { mp4: 'video/mp4', webm: 'video/webm', mp3: 'audio/mpeg' }

/**
 * Claims the next transcode job and runs it with ffmpeg: the output becomes a media of the same owner
 * (counted against their quota), the source is marked transcoded, and the owner is notified, all in one
 * transaction; a failure marks the job and the media failed and notifies too. Returns false when idle.
 */
export async function runNextTranscode(payload: Payload): Promise<boolean> {
  const req = await createLocalReq({ context: { reqId: `transcode-${randomUUID()}` } }, payload)
  const job = await withTransaction(req, async () => {
    const claimed = await claimTranscodeJob(req, LEASE_SECONDS)
    if (claimed) await setTranscodeState(req, claimed.media_id, { status: 'processing' })
    return claimed
  })
  if (!job) return false
  // Workers died on this job every time (it crashes ffmpeg or the machine): give up, and say so.
  if (job.attempts > MAX_ATTEMPTS) {
    await recordFailure(req, job, `gave up after ${MAX_ATTEMPTS} attempts that did not finish`)
    return true
  }
  const output = path.join(uploadTempDir, `${randomUUID()}.${job.output_format}`)
  try {
    await fs.mkdir(uploadTempDir, { recursive: true })
    await transcode(req, job, output)
  } catch (error) {
    logger.warn({ err: error, jobId: job.id, mediaId: job.media_id }, 'transcode failed')
    await recordFailure(req, job, error instanceof Error ? error.message : String(error))
  } finally {
    await fs.rm(output, { force: true })
  }
  return true
}

async function transcode(req: PayloadRequest, job: TranscodeJob, output: string): Promise<void> {
  const source = await readAsSystem(req, 'media', job.media_id)
  if (!source.filename) throw new Error('the source file is missing')
  await withLocalFile('media', source.filename, source.prefix, (input) => transcodeFile(input, output, job.output_format, job.quality))
  const probe = await probeMedia(output)
  const { size } = await fs.stat(output)
  const baseName = source.original_filename.replace(/\.[^.]*$/, '')
  await withTransaction(req, async () => {
    const made = await insertMedia(
      req,
      {
        user: job.user_id,
        original_filename: `${baseName}.${job.output_format}`,
        media_type: mediaTypeOf(job.output_format === 'mp3' ? 'audio' : 'video', probe),
        duration: probe.duration,
        width: probe.width,
        height: probe.height,
        transcoded_from: job.media_id,
      },
      {
        name: `${randomUUID()}.${job.output_format}`,
        data: Buffer.alloc(0),
        mimetype: MIME[job.output_format],
        size,
        tempFilePath: output,
      },
    )
    await finishTranscodeJob(req, job.id, { outputId: made.id })
    await setTranscodeState(req, job.media_id, { status: 'done', transcoded: true })
    await notify(
      job.user_id,
      'media_transcoded',
      {
        title: `Your ${job.output_format} of ${source.original_filename} is ready`,
        message: `Transcoded at ${job.quality} quality.`,
        metadata: { media_id: job.media_id, output_media_id: made.id, transcode_id: job.id, output_format: job.output_format },
        redirect: { kind: 'media', id: made.id },
      },
      { req },
    )
  })
}

async function recordFailure(req: PayloadRequest, job: TranscodeJob, reason: string): Promise<void> {
  const error = reason.slice(0, 500)
  await withTransaction(req, async () => {
    await finishTranscodeJob(req, job.id, { error })
    await setTranscodeState(req, job.media_id, { status: 'failed', error })
    await notify(
      job.user_id,
      'media_transcode_failed',
      {
        title: `A ${job.output_format} could not be made`,
        message: error,
        priority: 'high',
        metadata: { media_id: job.media_id, transcode_id: job.id, output_format: job.output_format },
        redirect: { kind: 'media', id: job.media_id },
      },
      { req },
    )
  })
}
