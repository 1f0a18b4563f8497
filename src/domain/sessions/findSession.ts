import type { PayloadRequest } from 'payload'
import type { FriendSession } from '../../payload-types.ts'
import { NotFoundError } from '../../lib/errors.ts'

/** A session the caller may see (its user, its friend, staff); 404 otherwise, so others' sessions do not leak. */
export async function findSession(req: PayloadRequest, id: number): Promise<FriendSession> {
  const session = await req.payload.findByID({
    collection: 'friend-sessions',
    id,
    depth: 0,
    overrideAccess: false,
    req,
    disableErrors: true,
  })
  if (!session) throw new NotFoundError('Session not found.')
  return session
}
