import { z } from 'zod'
import { FEEDBACK_ORDERING } from '../../../src/domain/feedback/listFeedback.ts'
import { QueryRowId, RowId } from '../../../src/http/humanlinkSchemas.ts'
import { humanlinkListParams, toListQuery } from '../../../src/lib/validation/humanlinkQuery.ts'

export const SubmitFeedbackBody = z
  .object({
    session_id: RowId,
    rating: z.number().int('Rate from 1 to 5.').min(1, 'Rate from 1 to 5.').max(5, 'Rate from 1 to 5.'),
    comment: z.string().trim().max(4000).nullable().optional(),
    categories: z.array(z.string().trim().toLowerCase().min(1).max(50)).max(20).optional(),
  })
  .transform(({ session_id, ...rest }) => ({ ...rest, sessionId: session_id }))

export const ListFeedbackQuery = humanlinkListParams(Object.keys(FEEDBACK_ORDERING))
  .extend({
    session_id: QueryRowId.optional(),
    rating_min: z.coerce.number().int().min(1).max(5).optional(),
    friend_id: QueryRowId.optional(),
  })
  .transform(({ session_id, rating_min, friend_id, ...rest }) => ({
    ...toListQuery(rest),
    sessionId: session_id,
    ratingMin: rating_min,
    friendId: friend_id,
  }))

export const FeedbackOut = z.object({
  id: z.number(),
  session_id: z.number(),
  user_id: z.number(),
  friend_id: z.number(),
  rating: z.number(),
  comment: z.string().nullable(),
  categories: z.array(z.string()),
  created_at: z.string(),
})
