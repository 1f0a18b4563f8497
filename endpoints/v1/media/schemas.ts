import { z } from 'zod'
import {
  MEDIA_TRANSCODE_STATUSES,
  MEDIA_TYPES,
  TRANSCODE_FORMATS,
  TRANSCODE_QUALITIES,
  TRANSCODE_STATUSES,
} from '../../../src/domain/media/statuses.ts'
import { limitParam, skipParam } from '../items/schemas.ts'

export const MediaIdParams = z.object({ media_id: z.coerce.number().int().positive() })
export const ListMediaQuery = z.object({ skip: skipParam, limit: limitParam(100) })
/** A share link's token: lets someone who is not the owner stream (view) the media without signing in. */
export const ShareTokenQuery = z.object({ share_token: z.string().min(20).max(200).optional() })

export const TranscodeBody = z.object({
  output_format: z.enum(TRANSCODE_FORMATS).default('mp4'),
  quality: z.enum(TRANSCODE_QUALITIES).default('medium'),
})

export const TranscodeJobOut = z.object({
  id: z.number(),
  output_format: z.enum(TRANSCODE_FORMATS),
  quality: z.enum(TRANSCODE_QUALITIES),
  status: z.enum(TRANSCODE_STATUSES),
  output_media_id: z.number().nullable(),
  error: z.string().nullable(),
  created_at: z.string(),
  finished_at: z.string().nullable(),
})

/** spec 003's media, plus where it streams and how its transcodes are going. */
export const MediaOut = z.object({
  id: z.number(),
  filename: z.string(),
  original_filename: z.string(),
  file_size: z.number(),
  mime_type: z.string(),
  media_type: z.enum(MEDIA_TYPES),
  duration: z.number().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  transcoded: z.boolean(),
  transcode_status: z.enum(MEDIA_TRANSCODE_STATUSES),
  transcode_error: z.string().nullable(),
  transcoded_from: z.number().nullable(),
  stream_url: z.string(),
  created_at: z.string(),
})

export const MediaDetailOut = MediaOut.extend({ transcodes: TranscodeJobOut.array() })

export const TranscodeOut = z.object({
  media_id: z.number(),
  transcode_id: z.number(),
  status: z.enum(TRANSCODE_STATUSES),
  output_format: z.enum(TRANSCODE_FORMATS),
  quality: z.enum(TRANSCODE_QUALITIES),
  status_url: z.string(),
  message: z.string(),
})
