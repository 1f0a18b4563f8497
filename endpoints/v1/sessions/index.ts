import { bookSession } from '../../../src/domain/sessions/bookSession.ts'
import { cancelSession } from '../../../src/domain/sessions/cancelSession.ts'
import { findSession } from '../../../src/domain/sessions/findSession.ts'
import { listSessions } from '../../../src/domain/sessions/listSessions.ts'
import { updateSession } from '../../../src/domain/sessions/updateSession.ts'
import { humanlinkListOut, humanlinkOut, IdParams } from '../../../src/http/humanlinkSchemas.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { foundPage, humanlinkBody, humanlinkList } from '../../../src/lib/humanlink.ts'
import { BookedSessionOut, BookSessionBody, ListSessionsQuery, SessionOut, UpdateSessionBody } from './schemas.ts'
import { serializeSession, serializeSessions } from './serialize.ts'

export const sessionsRoutes = v1Router('/sessions')

const notFound = "No such session, or not the caller's"

sessionsRoutes.get(
  '/',
  {
    summary: "The caller's sessions (as user or friend; staff: all)",
    auth: 'user',
    envelope: 'humanlink',
    query: ListSessionsQuery,
    responses: { 200: humanlinkListOut(SessionOut) },
  },
  async ({ req, query, http }) => {
    const result = await listSessions(req, query)
    return { body: humanlinkList(await serializeSessions(req, result.docs), foundPage(result, query), http.req) }
  },
)

sessionsRoutes.post(
  '/',
  {
    summary: 'Book a session with a friend, in their availability, at their rate (PaymentIntent when it costs)',
    auth: 'user',
    envelope: 'humanlink',
    body: BookSessionBody,
    responses: {
      201: humanlinkOut(BookedSessionOut),
      400: "Invalid field, past time, or outside the friend's availability (errors.scheduled_at says why)",
      402: 'Payment required (no payment method) or declined',
      409: 'The friend or the caller already has a session at that time',
    },
  },
  async ({ req, user, body }) => {
    const { session, clientSecret } = await bookSession(req, user, body, new Date())
    const view = { ...(await serializeSession(req, session)), client_secret: clientSecret }
    return { status: 201, body: humanlinkBody(view, 'Session booked successfully') }
  },
)

sessionsRoutes.get(
  '/:id',
  {
    summary: 'A session',
    auth: 'user',
    envelope: 'humanlink',
    params: IdParams,
    responses: { 200: humanlinkOut(SessionOut), 404: notFound },
  },
  async ({ req, params }) => ({ body: humanlinkBody(await serializeSession(req, await findSession(req, params.id))) }),
)

sessionsRoutes.patch(
  '/:id',
  {
    summary:
      'Reschedule {scheduled_at, duration_minutes, notes} (either party, staff) or record {status: completed | no_show} (the friend, staff)',
    auth: 'user',
    envelope: 'humanlink',
    params: IdParams,
    body: UpdateSessionBody,
    responses: {
      200: humanlinkOut(SessionOut),
      400: 'Invalid field, past time, outside availability, or not started yet',
      403: 'Only the friend or staff record outcomes',
      404: notFound,
      409: 'Overlaps another session, or the session is no longer upcoming',
    },
  },
  async ({ req, user, params, body }) => ({
    body: humanlinkBody(
      await serializeSession(req, await updateSession(req, user, params.id, body, new Date())),
      'Session updated successfully',
    ),
  }),
)

sessionsRoutes.delete(
  '/:id',
  {
    summary: 'Cancel a session (free until 24 h before; later ones are recorded as late_cancellation)',
    auth: 'user',
    envelope: 'humanlink',
    params: IdParams,
    responses: { 200: humanlinkOut(SessionOut), 404: notFound, 409: 'Not upcoming' },
  },
  async ({ req, user, params }) => ({
    body: humanlinkBody(await serializeSession(req, await cancelSession(req, user, params.id, new Date())), 'Session cancelled'),
  }),
)
