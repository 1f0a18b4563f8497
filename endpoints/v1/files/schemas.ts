import { z } from 'zod'
import { limitParam, skipParam } from '../items/schemas.ts'

export const FileIdParams = z.object({ file_id: z.coerce.number().int().positive() })
export const ListFilesQuery = z.object({ skip: skipParam, limit: limitParam(100) })
export const DownloadQuery = z.object({ share_token: z.string().min(20).max(200).optional() })

/** The form fields beside `file`: a description and comma-separated tags (trimmed, de-duplicated). */
export const UploadFileForm = z.object({
  description: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((value) => value || null),
  tags: z
    .string()
    .max(1000)
    .optional()
    .transform((value) => [
      ...new Set(
        (value ?? '')
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string().max(50, 'Each tag can have at most 50 characters.')).max(20, 'At most 20 tags.')),
})

export const FileOut = z.object({
  id: z.number(),
  filename: z.string(),
  original_filename: z.string(),
  file_size: z.number(),
  mime_type: z.string(),
  description: z.string().nullable(),
  tags: z.array(z.string()),
  download_url: z.string(),
  created_at: z.string(),
})
