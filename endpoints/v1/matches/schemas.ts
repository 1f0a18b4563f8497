import { z } from 'zod'
import { MATCH_ORDERING } from '../../../src/domain/matches/listMatches.ts'
import { MATCH_ANSWERS, MATCH_STATUSES } from '../../../src/domain/matches/statuses.ts'
import { PersonCardOut, QueryRowId, RowId } from '../../../src/http/humanlinkSchemas.ts'
import { humanlinkListParams, toListQuery } from '../../../src/lib/validation/humanlinkQuery.ts'

export const CreateMatchBody = z.object({ user_id: RowId, friend_id: RowId })

export const AnswerMatchBody = z.object({ status: z.enum(MATCH_ANSWERS, { message: 'Answer accepted or declined.' }) })

export const ListMatchesQuery = humanlinkListParams(Object.keys(MATCH_ORDERING))
  .extend({
    status: z.enum(MATCH_STATUSES).optional(),
    compatibility_score_min: z.coerce.number().min(0).max(100).optional(),
    user_id: QueryRowId.optional(),
  })
  .transform(({ compatibility_score_min, user_id, ...rest }) => ({
    ...toListQuery(rest),
    scoreMin: compatibility_score_min,
    userId: user_id,
  }))

export const SuggestionsQuery = z.object({ user_id: QueryRowId, limit: z.coerce.number().int().min(1).max(50).default(10) })

export const MatchOut = z.object({
  id: z.number(),
  user: PersonCardOut,
  friend: PersonCardOut,
  compatibility_score: z.number(),
  status: z.enum(MATCH_STATUSES),
  created_at: z.string(),
  responded_at: z.string().nullable(),
})

export const SuggestionOut = z.object({ friend: PersonCardOut, compatibility_score: z.number(), average_rating: z.number().nullable() })
