import type { PayloadRequest, TypedUser } from 'payload'
import type { FriendSession } from '../../payload-types.ts'
import { recordSessionOutcome, rescheduleSession, type Reschedule } from './changeSession.ts'
import type { SESSION_OUTCOMES } from './statuses.ts'

export type SessionUpdate = { outcome?: (typeof SESSION_OUTCOMES)[number]; reschedule: Reschedule }

/** PATCH /sessions/{id}: an outcome ({status}) or a reschedule ({scheduled_at, duration_minutes, notes}). */
export async function updateSession(
  req: PayloadRequest,
  user: TypedUser,
  id: number,
  update: SessionUpdate,
  now: Date,
): Promise<FriendSession> {
  return update.outcome
    ? recordSessionOutcome(req, user, id, update.outcome, now)
    : rescheduleSession(req, user, id, update.reschedule, now)
}
