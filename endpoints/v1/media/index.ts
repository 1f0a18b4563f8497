import { deleteMedia } from '../../../src/domain/media/deleteMedia.ts'
import { getMedia } from '../../../src/domain/media/getMedia.ts'
import { listMedia } from '../../../src/domain/media/listMedia.ts'
import { openMediaStream } from '../../../src/domain/media/openMediaStream.ts'
import { requestTranscode } from '../../../src/domain/media/requestTranscode.ts'
import { uploadMedia } from '../../../src/domain/media/uploadMedia.ts'
import { sendStoredContent } from '../../../src/http/sendStoredContent.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { ListMediaQuery, MediaDetailOut, MediaIdParams, MediaOut, ShareTokenQuery, TranscodeBody, TranscodeOut } from './schemas.ts'
import { mediaUrl, serializeMedia, serializeTranscodeJob } from './serialize.ts'

/** spec 003's media: upload (streamed to disk), HTTP Range streaming, ffmpeg transcodes in the background. */
export const mediaRoutes = v1Router('/media')

mediaRoutes.post(
  '/upload',
  {
    summary: 'Uploads a video, audio or image file (multipart `file`)',
    description:
      'The type is detected from the bytes; duration and size come from ffprobe. 413 above UPLOAD_MAX_BYTES or the storage quota.',
    auth: 'user',
    upload: { field: 'file' },
    responses: { 201: MediaOut, 413: 'Too large, or over the storage quota' },
  },
  async ({ req, user, upload }) => ({ status: 201, body: serializeMedia(await uploadMedia(req, Number(user.id), upload)) }),
)

mediaRoutes.get(
  '/',
  { summary: "The caller's media, newest first", auth: 'user', query: ListMediaQuery, responses: { 200: MediaOut.array() } },
  async ({ req, user, query }) => ({
    body: (await listMedia(req, Number(user.id), { offset: query.skip, limit: query.limit })).map(serializeMedia),
  }),
)

mediaRoutes.get(
  '/:media_id',
  {
    summary: 'One media record with its transcodes (poll it for a transcode)',
    auth: 'user',
    params: MediaIdParams,
    responses: { 200: MediaDetailOut },
  },
  async ({ req, params }) => {
    const { media, transcodes } = await getMedia(req, params.media_id)
    return { body: { ...serializeMedia(media), transcodes: transcodes.map(serializeTranscodeJob) } }
  },
)

mediaRoutes.get(
  '/:media_id/stream',
  {
    summary: 'Streams a media file (HTTP Range: 206, suffix and multiple ranges, 416, If-Range, ETag)',
    description: 'The owner, staff, someone it is shared with, or anyone holding a share link (`share_token`).',
    auth: 'optional',
    params: MediaIdParams,
    query: ShareTokenQuery,
    responses: {
      200: 'The file',
      206: 'Partial content',
      304: 'Not modified',
      404: 'Not visible to the caller',
      410: 'Share link revoked or expired',
      416: 'Range not satisfiable',
    },
  },
  async ({ req, params, query, http }) => {
    await sendStoredContent(http.req, http.res, await openMediaStream(req, params.media_id, { shareToken: query.share_token }))
    return { sent: true }
  },
)

mediaRoutes.post(
  '/:media_id/transcode',
  {
    summary: 'Transcodes a media file in the background (mp4, webm, mp3)',
    description: 'Poll GET /media/{id} (transcode_status); the owner is notified when it is done or failed.',
    auth: 'user',
    params: MediaIdParams,
    body: TranscodeBody,
    responses: { 200: TranscodeOut, 404: "Not one of the caller's media" },
  },
  async ({ req, params, body }) => {
    const job = await requestTranscode(req, params.media_id, { format: body.output_format, quality: body.quality })
    return {
      body: {
        media_id: params.media_id,
        transcode_id: job.id,
        status: job.status,
        output_format: job.output_format,
        quality: job.quality,
        status_url: mediaUrl(params.media_id),
        message: job.status === 'queued' ? 'Transcoding queued' : `Transcoding ${job.status}`,
      },
    }
  },
)

mediaRoutes.delete(
  '/:media_id',
  {
    summary: 'Deletes a media file',
    auth: 'user',
    params: MediaIdParams,
    responses: { 204: 'Deleted', 404: "Not one of the caller's media" },
  },
  async ({ req, params }) => {
    await deleteMedia(req, params.media_id)
    return { status: 204 }
  },
)
