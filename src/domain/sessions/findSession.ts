import type { PayloadRequest } from 'payload'
import type { FriendSession } from '../../payload-types.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { findAsCaller } from '../../lib/readAsSystem.ts'
import { lockSessionRow } from './sessionRecords.ts'

/** A session the caller may see (its user, its friend, staff); 404 otherwise, so others' sessions do not leak. */
export async function findSession(req: PayloadRequest, id: number): Promise<FriendSession> {
  const session = await findAsCaller(req, 'friend-sessions', id)
  if (!session) throw new NotFoundError('Session not found.')
  return session
}

/** Holds the session's row until the transaction ends, so decisions about it (one feedback) are taken one at a time. */
export async function lockSession(req: PayloadRequest, id: number): Promise<void> {
  await lockSessionRow(req, id)
}
