import { z } from 'zod'
import { pageParams } from '../../../src/lib/validation/pageQuery.ts'

export const FacilitatorParams = z.object({ id: z.coerce.number().int().positive() })
export const PageQuery = z.object(pageParams).transform(({ page, per_page, limit }) => ({ page, perPage: per_page ?? limit ?? 10 }))

export const FacilitatorOut = z.object({
  id: z.number(),
  name: z.string(),
  bio: z.string().nullable(),
  photo_url: z.string().nullable(),
  specialties: z.array(z.string()),
  is_active: z.boolean(),
  user_id: z.number().nullable(),
})
