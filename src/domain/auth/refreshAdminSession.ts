import type { PayloadRequest } from 'payload'
import type { User } from '../../payload-types.ts'
import { ForbiddenError } from '../../lib/errors.ts'
import { signAdminSessionToken, type AdminSessionToken } from './adminSessionToken.ts'
import { updateAdminSessions } from './adminSessions.ts'

/**
 * Payload's refresh for the admin panel (which calls it as its token nears expiry): the open session
 * `sid` is extended by the token lifetime and a new token is signed for it.
 */
export async function refreshAdminSession(req: PayloadRequest, user: User, sid: string): Promise<AdminSessionToken> {
  const { tokenExpiration } = req.payload.collections.users.config.auth
  const expiresAt = new Date(Date.now() + tokenExpiration * 1000)
  await updateAdminSessions(req, user.id, (sessions) => {
    if (!sessions.some((session) => session.id === sid)) throw new ForbiddenError('This admin session has ended. Sign in again.')
    return sessions.map((session) => (session.id === sid ? { ...session, expiresAt } : session))
  })
  return signAdminSessionToken(req, user, sid)
}
