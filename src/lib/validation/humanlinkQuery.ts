import { z } from 'zod'

const day = z.union([z.iso.date(), z.iso.datetime({ offset: true })]).transform((value) => new Date(value))

/**
 * Spec 001's list parameters: page, page_size (at most 100; `limit` too), ordering among `orderings`
 * (`-` for descending), search, date_after / date_before (a date or a date-time). Routes `.extend()` it
 * with their filters and `.transform(toListQuery)`.
 */
export function humanlinkListParams(orderings: readonly string[]) {
  const values = orderings.flatMap((key) => [key, `-${key}`]) as [string, ...string[]]
  return z.object({
    page: z.coerce.number().int().min(1).default(1),
    page_size: z.coerce.number().int().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
    ordering: z.enum(values).optional(),
    search: z.string().trim().min(1).max(200).optional(),
    date_after: day.optional(),
    date_before: day.optional(),
  })
}

type ListParams = { page_size?: number; limit?: number; date_after?: Date; date_before?: Date }

/** The parsed parameters under the domain's names (ListQuery), the route's filters kept as they are. */
export function toListQuery<T extends ListParams>({ page_size, limit, date_after, date_before, ...rest }: T) {
  return { ...rest, pageSize: page_size ?? limit ?? 20, dateAfter: date_after, dateBefore: date_before }
}
