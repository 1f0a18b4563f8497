import type { PayloadRequest, TypedUser } from 'payload'
import type { FriendSession } from '../../payload-types.ts'
import { ConflictError } from '../../lib/errors.ts'
import { readAsSystem } from '../../lib/readAsSystem.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { enqueue } from '../outbox/enqueue.ts'
import { findSession } from './findSession.ts'
import { cancelSessionRow } from './sessionRecords.ts'
import { isLateCancellation } from './sessionRules.ts'

/**
 * Cancels an upcoming session (either party or staff), freeing the slot. Free until 24 h before the start:
 * a paid session is then refunded (through the outbox, after commit); later cancellations are recorded
 * with `late_cancellation: true` and keep the charge.
 */
export async function cancelSession(req: PayloadRequest, user: TypedUser, id: number, now: Date): Promise<FriendSession> {
  const session = await findSession(req, id)
  if (session.status !== 'upcoming') throw new ConflictError(`A ${session.status} session cannot be cancelled.`)
  const late = isLateCancellation(new Date(session.scheduled_at), now)
  await withTransaction(req, async () => {
    if (!(await cancelSessionRow(req, id, user.id, late, now))) throw new ConflictError('The session is no longer upcoming.')
    if (!late && session.payment_status === 'paid' && session.stripe_payment_intent_id)
      await enqueue(req, 'sessions.refund', { session_id: id, payment_intent: session.stripe_payment_intent_id })
  })
  return readAsSystem(req, 'friend-sessions', id)
}
