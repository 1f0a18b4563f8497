import { z } from 'zod'

export const SEARCH_TYPES = ['item', 'media', 'file'] as const

export const SearchQuery = z.object({
  q: z.string().trim().min(1, 'Enter something to search for.').max(200),
  type: z.enum(SEARCH_TYPES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})

export const SearchHitOut = z.object({
  id: z.number(),
  type: z.enum(SEARCH_TYPES),
  title: z.string(),
  description: z.string().nullable(),
  created_at: z.string(),
  score: z.number(),
  snippet: z.string(),
})

export const RecommendationsQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) })

export const RecommendationOut = z.object({
  id: z.number(),
  type: z.enum(SEARCH_TYPES),
  title: z.string(),
  description: z.string().nullable(),
  reason: z.string(),
})
