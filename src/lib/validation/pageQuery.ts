import { z } from 'zod'

/** One page size, 1 to 100, under whichever name a spec uses for it. */
export const pageSizeParam = z.coerce.number().int().min(1).max(100)

/** page + per_page | limit (specs 000 and 004). */
export const pageParams = {
  page: z.coerce.number().int().min(1).default(1),
  per_page: pageSizeParam.optional(),
  limit: pageSizeParam.optional(),
}

/** The Booking/Innonet pagination object (see pagePagination). */
export const PagePaginationOut = z.object({
  page: z.number(),
  pages: z.number(),
  per_page: z.number(),
  total: z.number(),
  has_next: z.boolean(),
  has_prev: z.boolean(),
})
