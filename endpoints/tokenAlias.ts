import { refreshSession } from '../src/domain/auth/refreshSession.ts'
import { clientMetaOf } from '../src/http/clientMeta.ts'
import { v1Router } from '../src/http/v1Router.ts'
import { RefreshBody, TokensOut } from './v1/auth/schemas.ts'
import { tokenBody } from './v1/auth/serialize.ts'
import { UnauthorizedError } from '../src/lib/errors.ts'

/** Spec 002's POST /api/token/refresh/: the same rotation as /api/v1/auth/refresh ({refresh, access} and more). */
export const tokenAliasRoutes = v1Router('/token', { base: '/api' })

tokenAliasRoutes.post(
  '/refresh',
  {
    summary: 'Rotate a refresh token (spec 002 path)',
    body: RefreshBody,
    responses: { 200: TokensOut, 401: 'Invalid, expired or reused refresh token' },
  },
  async ({ req, body, http }) => {
    const token = body.refresh ?? body.refresh_token
    if (!token) throw new UnauthorizedError('Refresh token not provided.')
    return { body: tokenBody(await refreshSession(req, token, clientMetaOf(http.req))) }
  },
)
