import { z } from 'zod'

export const FacilitatorParams = z.object({ id: z.coerce.number().int().positive() })
export const PageQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    per_page: z.coerce.number().int().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
  })
  .transform(({ page, per_page, limit }) => ({ page, perPage: per_page ?? limit ?? 10 }))

export const FacilitatorOut = z.object({
  id: z.number(),
  name: z.string(),
  bio: z.string().nullable(),
  photo_url: z.string().nullable(),
  specialties: z.array(z.string()),
  is_active: z.boolean(),
  user_id: z.number().nullable(),
})
