import type { Endpoint } from 'payload'
import { refreshAdminSession } from '../../../src/domain/auth/refreshAdminSession.ts'
import { ADMIN_SESSION_STRATEGY, adminSessionOf } from '../../../src/http/adminSessionStrategy.ts'
import { ForbiddenError } from '../../../src/lib/errors.ts'

/**
 * Replaces Payload's POST /api/users/refresh-token, which the admin panel calls as its token nears expiry:
 * extends the admin session and answers like Payload (new token, cookie). API clients refresh at
 * POST /api/v1/auth/refresh.
 */
export const adminRefreshEndpoint: Endpoint = {
  path: '/refresh-token',
  method: 'post',
  handler: async (req) => {
    const sid = adminSessionOf(req.user)
    if (!req.user || !sid) {
      throw new ForbiddenError('Only an admin panel session is refreshed here; API clients use POST /api/v1/auth/refresh.')
    }
    const session = await refreshAdminSession(req, req.user, sid)
    const { sessions: _sessions, ...visible } = req.user
    return Response.json(
      {
        message: req.t('authentication:tokenRefreshSuccessful'),
        exp: session.exp,
        refreshedToken: session.token,
        setCookie: true,
        strategy: ADMIN_SESSION_STRATEGY,
        user: visible,
      },
      { headers: { 'Set-Cookie': session.cookie } },
    )
  },
}
