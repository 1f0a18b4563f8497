import { sql } from '@payloadcms/db-postgres'
import type { File, PayloadRequest } from 'payload'
import type { Media } from '../../payload-types.ts'
import { firstRow } from '../../lib/db/sql.ts'
import { txDb } from '../../lib/transaction.ts'
import type { MediaTranscodeStatus, MediaType, TranscodeFormat, TranscodeQuality, TranscodeStatus } from './statuses.ts'

/** The only writer of `media` and `media_transcodes`. Everything runs in req's transaction. */

export type NewMedia = {
  user: number
  original_filename: string
  media_type: MediaType
  duration: number | null
  width: number | null
  height: number | null
  transcoded_from?: number
}

/**
 * Stores an upload (Payload copies the temp file to local disk or streams it to S3; the storage hook
 * counts it against the owner's quota). overrideAccess: the collection's create is for staff in the
 * admin; members' uploads come only through uploadMedia, which has checked the bytes.
 */
export async function insertMedia(req: PayloadRequest, data: NewMedia, file: File): Promise<Media> {
  return req.payload.create({
    collection: 'media',
    data: { ...data, transcoded: false, transcode_status: 'none' },
    file,
    depth: 0,
    overrideAccess: true,
    req,
  })
}

/** Deletes a media row and its stored file (the storage hook frees the quota). Access was checked by the caller. */
export async function deleteMediaRecord(req: PayloadRequest, id: number): Promise<void> {
  await req.payload.delete({ collection: 'media', id, depth: 0, overrideAccess: true, req })
}

/** What the media record says about its latest transcode (what clients poll). */
export async function setTranscodeState(
  req: PayloadRequest,
  mediaId: number,
  state: { status: MediaTranscodeStatus; error?: string | null; transcoded?: boolean },
): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`
    UPDATE media SET transcode_status = ${state.status}, transcode_error = ${state.error ?? null},
      transcoded = transcoded OR ${state.transcoded ?? false}, updated_at = now()
    WHERE id = ${mediaId}`)
}

export type TranscodeJob = {
  id: number
  media_id: number
  user_id: number
  output_format: TranscodeFormat
  quality: TranscodeQuality
  status: TranscodeStatus
  attempts: number
  output_id: number | null
  error: string | null
  created_at: Date
  finished_at: Date | null
}

const JOB_COLUMNS = sql`t.id, t.media_id, t.user_id, t.output_format, t.quality, t.status, t.attempts::int AS attempts, t.output_id,
  t.error, t.created_at, t.finished_at`

/**
 * Queues a transcode. A second request for the same media, format and quality while one is pending
 * gets that job (a partial unique index decides, so parallel requests cannot queue two).
 */
export async function queueTranscodeJob(
  req: PayloadRequest,
  job: { mediaId: number; userId: number; format: TranscodeFormat; quality: TranscodeQuality },
): Promise<{ job: TranscodeJob; created: boolean }> {
  const db = await txDb(req)
  const inserted = firstRow<TranscodeJob>(
    await db.execute(sql`
      INSERT INTO media_transcodes AS t (media_id, user_id, output_format, quality, status, attempts, updated_at, created_at)
      VALUES (${job.mediaId}, ${job.userId}, ${job.format}, ${job.quality}, 'queued', 0, now(), now())
      ON CONFLICT (media_id, output_format, quality) WHERE status IN ('queued', 'processing') DO NOTHING
      RETURNING ${JOB_COLUMNS}`),
  )
  if (inserted) return { job: inserted, created: true }
  const pending = firstRow<TranscodeJob>(
    await db.execute(sql`
      SELECT ${JOB_COLUMNS} FROM media_transcodes t WHERE t.media_id = ${job.mediaId} AND t.output_format = ${job.format}
        AND t.quality = ${job.quality} AND t.status IN ('queued', 'processing')`),
  )
  return { job: pending as TranscodeJob, created: false }
}

/**
 * Claims the oldest queued job (or one whose worker's lease ran out) for this worker: FOR UPDATE SKIP
 * LOCKED, so instances never run the same job twice at once. Each claim counts an attempt.
 */
export async function claimTranscodeJob(req: PayloadRequest, leaseSeconds: number): Promise<TranscodeJob | null> {
  const db = await txDb(req)
  const claimed = firstRow<TranscodeJob>(
    await db.execute(sql`
      WITH next AS (
        SELECT id FROM media_transcodes
        WHERE status = 'queued' OR (status = 'processing' AND locked_until < now())
        ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
      UPDATE media_transcodes t SET status = 'processing', attempts = t.attempts + 1, started_at = now(), updated_at = now(),
        locked_until = now() + make_interval(secs => ${leaseSeconds})
      FROM next WHERE t.id = next.id
      RETURNING ${JOB_COLUMNS}`),
  )
  return claimed ?? null
}

/** Ends a job: done with its output, or failed with the reason. */
export async function finishTranscodeJob(
  req: PayloadRequest,
  jobId: number,
  outcome: { outputId: number } | { error: string },
): Promise<void> {
  const db = await txDb(req)
  const done = 'outputId' in outcome
  await db.execute(sql`
    UPDATE media_transcodes SET status = ${done ? 'done' : 'failed'}, output_id = ${done ? outcome.outputId : null},
      error = ${done ? null : outcome.error.slice(0, 2000)}, locked_until = NULL, finished_at = now(), updated_at = now()
    WHERE id = ${jobId}`)
}

/** The latest transcode jobs of a media, newest first. */
export async function transcodeJobsOf(req: PayloadRequest, mediaId: number, limit = 10): Promise<TranscodeJob[]> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    SELECT ${JOB_COLUMNS} FROM media_transcodes t WHERE t.media_id = ${mediaId} ORDER BY t.id DESC LIMIT ${limit}`)
  return result.rows as TranscodeJob[]
}
