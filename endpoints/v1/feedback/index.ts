import { extractID } from 'payload/shared'
import { listFeedback } from '../../../src/domain/feedback/listFeedback.ts'
import { submitFeedback } from '../../../src/domain/feedback/submitFeedback.ts'
import type { Feedback } from '../../../src/payload-types.ts'
import { humanlinkListOut, humanlinkOut } from '../../../src/http/humanlinkSchemas.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { iso } from '../../../src/lib/dates.ts'
import { foundPage, humanlinkBody, humanlinkList } from '../../../src/lib/humanlink.ts'
import { FeedbackOut, ListFeedbackQuery, SubmitFeedbackBody } from './schemas.ts'

export const feedbackRoutes = v1Router('/feedback')

function serializeFeedback(feedback: Feedback) {
  return {
    id: feedback.id,
    session_id: extractID(feedback.session),
    user_id: extractID(feedback.user),
    friend_id: extractID(feedback.friend),
    rating: feedback.rating,
    comment: feedback.comment ?? null,
    categories: feedback.categories ?? [],
    created_at: iso(feedback.createdAt),
  }
}

feedbackRoutes.post(
  '/',
  {
    summary: 'Rate a completed session (its user, once)',
    auth: 'user',
    envelope: 'humanlink',
    body: SubmitFeedbackBody,
    responses: {
      201: humanlinkOut(FeedbackOut),
      400: 'Invalid field, or the session is not completed',
      403: "Not the session's user",
      404: "No such session, or not the caller's",
      409: 'Feedback already submitted',
    },
  },
  async ({ req, user, body }) => ({
    status: 201,
    body: humanlinkBody(serializeFeedback(await submitFeedback(req, user, body)), 'Thank you for your feedback'),
  }),
)

feedbackRoutes.get(
  '/',
  {
    summary: 'Feedback about the calling friend (admins: all); filters session_id, rating_min, date_after',
    auth: 'user',
    envelope: 'humanlink',
    query: ListFeedbackQuery,
    responses: { 200: humanlinkListOut(FeedbackOut), 403: 'Neither a friend nor an admin' },
  },
  async ({ req, user, query, http }) => {
    const result = await listFeedback(req, user, query)
    return { body: humanlinkList(result.docs.map(serializeFeedback), foundPage(result, query), http.req) }
  },
)
