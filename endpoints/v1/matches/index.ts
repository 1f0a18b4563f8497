import { listMatches } from '../../../src/domain/matches/listMatches.ts'
import { answerMatch, createMatch, deleteMatch, findMatch } from '../../../src/domain/matches/manageMatches.ts'
import { suggestFriends } from '../../../src/domain/matches/suggestFriends.ts'
import { humanlinkListOut, humanlinkOut, IdParams } from '../../../src/http/humanlinkSchemas.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { foundPage, humanlinkBody, humanlinkList } from '../../../src/lib/humanlink.ts'
import { z } from 'zod'
import { AnswerMatchBody, CreateMatchBody, ListMatchesQuery, MatchOut, SuggestionOut, SuggestionsQuery } from './schemas.ts'
import { serializeMatch, serializeMatches } from './serialize.ts'

export const matchesRoutes = v1Router('/matches')

const notFound = "No such match, or not the caller's"

matchesRoutes.get(
  '/',
  {
    summary: "The caller's matches (staff: all); filters status, compatibility_score_min",
    auth: 'user',
    envelope: 'humanlink',
    query: ListMatchesQuery,
    responses: { 200: humanlinkListOut(MatchOut) },
  },
  async ({ req, query, http }) => {
    const result = await listMatches(req, query)
    return { body: humanlinkList(await serializeMatches(req, result.docs), foundPage(result, query), http.req) }
  },
)

matchesRoutes.post(
  '/',
  {
    summary: 'Match a user with a friend (managers, admins); the compatibility score is computed',
    auth: 'staff',
    envelope: 'humanlink',
    body: CreateMatchBody,
    responses: { 201: humanlinkOut(MatchOut), 400: 'Unknown user or friend', 403: 'Not staff', 409: 'Already matched' },
  },
  async ({ req, user, body }) => ({
    status: 201,
    body: humanlinkBody(
      await serializeMatch(req, await createMatch(req, user, { userId: body.user_id, friendId: body.friend_id })),
      'Match created successfully',
    ),
  }),
)

matchesRoutes.get(
  '/suggestions',
  {
    summary: 'The top friends for a user by compatibility score (managers, admins)',
    auth: 'staff',
    envelope: 'humanlink',
    query: SuggestionsQuery,
    responses: { 200: humanlinkOut(z.object({ results: z.array(SuggestionOut) })), 403: 'Not staff' },
  },
  async ({ req, query }) => {
    const suggestions = await suggestFriends(req, query.user_id, query.limit)
    const results = suggestions.map(({ friend, score }) => ({
      friend: { id: friend.id, name: friend.name, avatar: friend.avatar },
      compatibility_score: score,
      average_rating: friend.rating_average,
    }))
    return { body: humanlinkBody({ results }) }
  },
)

matchesRoutes.get(
  '/:id',
  {
    summary: 'A match (its two parties and staff)',
    auth: 'user',
    envelope: 'humanlink',
    params: IdParams,
    responses: { 200: humanlinkOut(MatchOut), 404: notFound },
  },
  async ({ req, params }) => ({ body: humanlinkBody(await serializeMatch(req, await findMatch(req, params.id))) }),
)

matchesRoutes.patch(
  '/:id',
  {
    summary: 'The matched user accepts or declines {status}',
    auth: 'user',
    envelope: 'humanlink',
    params: IdParams,
    body: AnswerMatchBody,
    responses: { 200: humanlinkOut(MatchOut), 403: 'Not the matched user', 404: notFound, 409: 'Already answered' },
  },
  async ({ req, user, params, body }) => ({
    body: humanlinkBody(await serializeMatch(req, await answerMatch(req, user, params.id, body.status)), `Match ${body.status}`),
  }),
)

matchesRoutes.delete(
  '/:id',
  {
    summary: 'Remove a match (managers, admins)',
    auth: 'staff',
    envelope: 'humanlink',
    params: IdParams,
    responses: { 200: humanlinkOut(z.null()), 404: notFound },
  },
  async ({ req, params }) => {
    await deleteMatch(req, params.id)
    return { body: humanlinkBody(null, 'Match removed') }
  },
)
