import type { PayloadRequest, TypedUser } from 'payload'
import { extractID } from 'payload/shared'
import type { Feedback } from '../../payload-types.ts'
import { ConflictError, ForbiddenError, RequestValidationError } from '../../lib/errors.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { addFriendRating } from '../friends/friendRecords.ts'
import { findSession, lockSession } from '../sessions/findSession.ts'
import { insertFeedback } from './feedbackRecords.ts'

export type FeedbackInput = { sessionId: number; rating: number; comment?: string | null; categories?: string[] }

/**
 * The session's user rates it, once, after it was completed. The feedback and the friend's average move in
 * one transaction, so the average always counts exactly the stored feedback.
 */
export async function submitFeedback(req: PayloadRequest, user: TypedUser, input: FeedbackInput): Promise<Feedback> {
  const session = await findSession(req, input.sessionId)
  if (extractID(session.user) !== user.id) throw new ForbiddenError("Only the session's user can leave feedback on it.")
  if (session.status !== 'completed')
    throw new RequestValidationError({ session_id: ['Feedback can be left once the session is completed.'] })
  const friendId = extractID(session.friend)
  return withTransaction(req, async () => {
    // Concurrent submits queue on the session's row, so the second sees the first's feedback (the unique index backs it).
    await lockSession(req, session.id)
    const existing = await req.payload.count({
      collection: 'feedback',
      where: { session: { equals: session.id } },
      overrideAccess: true,
      req,
    })
    if (existing.totalDocs > 0) throw new ConflictError('Feedback for this session was already submitted.')
    const feedback = await insertFeedback(req, {
      sessionId: session.id,
      userId: user.id,
      friendId,
      rating: input.rating,
      comment: input.comment ?? null,
      categories: [...new Set(input.categories ?? [])],
    })
    await addFriendRating(req, friendId, input.rating)
    return feedback
  })
}
