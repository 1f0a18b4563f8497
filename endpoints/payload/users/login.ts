import type { Endpoint } from 'payload'
import { z } from 'zod'
import { authenticatePassword } from '../../../src/domain/auth/authenticatePassword.ts'
import { startAdminSession } from '../../../src/domain/auth/startAdminSession.ts'
import { clientMetaFromHeaders } from '../../../src/http/clientMetaFromHeaders.ts'
import { payloadBody } from '../../../src/http/payloadBody.ts'
import { RequestValidationError } from '../../../src/lib/errors.ts'

const Credentials = z.object({
  email: z.string().trim().optional(),
  username: z.string().trim().optional(),
  password: z.string().min(1).max(1024),
})

/**
 * Replaces Payload's POST /api/users/login (the admin login form posts here): same request and response
 * as Payload's, but the password is checked by src/domain/auth, whatever scheme stored it.
 */
export const adminLoginEndpoint: Endpoint = {
  path: '/login',
  method: 'post',
  handler: async (req) => {
    const body = await payloadBody(req, Credentials)
    const identifier = body.email || body.username
    if (!identifier) throw new RequestValidationError({ email: ['This field is required.'] })
    const user = await authenticatePassword(req, identifier, body.password, clientMetaFromHeaders(req.headers))
    const session = await startAdminSession(req, user)
    return Response.json(
      { message: 'Authentication Passed', user: { ...user, collection: 'users' }, token: session.token, exp: session.exp },
      { headers: { 'Set-Cookie': session.cookie } },
    )
  },
}
