import type { PayloadRequest } from 'payload'
import type { Feedback } from '../../payload-types.ts'

/** The only writer of feedback. The unique index on session makes a second feedback for a session a 409. */
export async function insertFeedback(
  req: PayloadRequest,
  row: { sessionId: number; userId: number; friendId: number; rating: number; comment: string | null; categories: string[] },
): Promise<Feedback> {
  return req.payload.create({
    collection: 'feedback',
    data: {
      session: row.sessionId,
      user: row.userId,
      friend: row.friendId,
      rating: row.rating,
      comment: row.comment,
      categories: row.categories,
    },
    depth: 0,
    // overrideAccess: nobody creates feedback through Payload's APIs; submitFeedback checked the author and the session.
    overrideAccess: true,
    req,
  })
}
