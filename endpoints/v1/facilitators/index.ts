import { hasRole } from '../../../src/access/hasRole.ts'
import { authenticatePassword } from '../../../src/domain/auth/authenticatePassword.ts'
import { issueSession } from '../../../src/domain/auth/issueSession.ts'
import { ForbiddenError } from '../../../src/lib/errors.ts'
import { clientMetaOf } from '../../../src/lib/http/clientMeta.ts'
import { v1Router } from '../../../src/lib/http/v1Router.ts'
import { AuthOut, LoginBody } from '../auth/schemas.ts'
import { authBody } from '../auth/serialize.ts'

export const facilitatorsRoutes = v1Router('/facilitators')

facilitatorsRoutes.post('/login', { summary: 'Sign in as a facilitator (spec 004)', envelope: 'booking', body: LoginBody, responses: { 200: AuthOut, 401: 'Invalid credentials', 403: 'Not a facilitator, or inactive' } },
  async ({ req, body, http }) => {
    const user = await authenticatePassword(req, body.identifier, body.password, clientMetaOf(http.req))
    if (!hasRole(user, 'facilitator')) throw new ForbiddenError('This account is not a facilitator account.')
    return { body: authBody(user, await issueSession(req, user, clientMetaOf(http.req)), 'Login successful') }
  })
