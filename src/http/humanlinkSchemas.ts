import { z } from 'zod'

/** HumanLink's success envelope around `data`, for the OpenAPI document. */
export const humanlinkOut = <T extends z.ZodType>(data: T) => z.object({ success: z.literal(true), data, message: z.string().optional() })

/** HumanLink's list envelope: `data.results` plus DRF's pagination. */
export const humanlinkListOut = <T extends z.ZodType>(item: T) =>
  z.object({
    success: z.literal(true),
    data: z.object({ results: z.array(item), count: z.number() }),
    pagination: z.object({
      count: z.number(),
      next: z.string().nullable(),
      previous: z.string().nullable(),
      page: z.number(),
      page_size: z.number(),
      pages: z.number(),
      results: z.array(item),
    }),
  })

export const PersonCardOut = z.object({ id: z.number(), name: z.string(), avatar: z.string().nullable() })

/** A row id in a JSON body (Postgres integer range), and the same from a path or query string. */
export const RowId = z.number().int().positive().max(2147483647)
export const QueryRowId = z.coerce.number().int().positive().max(2147483647)

export const IdParams = z.object({ id: QueryRowId })
