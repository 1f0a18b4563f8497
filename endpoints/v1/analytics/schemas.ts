import { z } from 'zod'

const days = z.coerce.number().int().min(1).max(90).default(7)
const userId = z.coerce.number().int().positive().optional().describe('Staff only: one user instead of everyone')

export const UsageQuery = z.object({ days, user_id: userId })
export const GroupedQuery = z.object({ days, limit: z.coerce.number().int().min(1).max(100).default(10), user_id: userId })

export const PageViewBody = z.object({ page: z.string().trim().min(1).max(500) })

export const UsageOut = z.object({
  total_events: z.number().int(),
  api_calls: z.number().int(),
  page_views: z.number().int(),
  errors: z.number().int(),
  avg_response_time: z.number().describe('Milliseconds, mean over API calls'),
  period_start: z.iso.datetime({ offset: true }),
  period_end: z.iso.datetime({ offset: true }),
})

export const EndpointErrorsOut = z.object({
  endpoint: z.string().describe('Route template, e.g. /api/v1/items/:item_id'),
  error_count: z.number().int(),
  last_error: z.string().nullable(),
  last_occurred: z.iso.datetime({ offset: true }),
})

export const EndpointPerformanceOut = z.object({
  endpoint: z.string(),
  avg_response_time: z.number(),
  min_response_time: z.number(),
  max_response_time: z.number(),
  p95_response_time: z.number(),
  total_calls: z.number().int(),
})
