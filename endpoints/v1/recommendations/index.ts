import { recommend } from '../../../src/domain/search/recommend.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { RecommendationOut, RecommendationsQuery } from '../search/schemas.ts'

/** spec 003's recommendations, each with a reason. */
export const recommendationsRoutes = v1Router('/recommendations')

recommendationsRoutes.get(
  '/',
  {
    summary: 'Suggestions for the caller, each with its reason',
    auth: 'user',
    query: RecommendationsQuery,
    responses: { 200: RecommendationOut.array() },
  },
  async ({ req, user, query }) => ({
    body: (await recommend(req, Number(user.id), query.limit)).map(({ id, type, title, description, reason }) => ({
      id,
      type,
      title,
      description,
      reason,
    })),
  }),
)
