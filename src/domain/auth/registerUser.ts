import type { PayloadRequest } from 'payload'
import type { User } from '../../payload-types.ts'
import { RequestValidationError } from '../../lib/errors.ts'
import { consume } from '../../lib/rateLimit.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { assertIdentifiersFree } from './assertIdentifiersFree.ts'
import type { ClientMeta } from './clientMeta.ts'
import { startEmailVerification } from './emailVerification.ts'
import { issueSession, type IssuedTokens } from './issueSession.ts'
import { authLimits } from './limits.ts'
import { passwordProblems } from './passwordPolicy.ts'

export type Registration = {
  email?: string
  phone?: string
  username?: string
  password: string
  first_name?: string
  last_name?: string
  full_name?: string
  personality_data?: Record<string, unknown>
  timezone?: string
}

/**
 * Creates an account (a plain user; only staff grant roles), stores its password as argon2id, starts email
 * verification and signs it in. Duplicate identifiers are refused by the unique indexes (409).
 */
export async function registerUser(
  req: PayloadRequest,
  input: Registration,
  client: ClientMeta,
): Promise<{ user: User; tokens: IssuedTokens }> {
  const problems = passwordProblems(input.password, [input.email, input.username, input.phone])
  if (problems.length > 0) throw new RequestValidationError({ password: problems })
  await consume(authLimits.registrationsByIp(), client.ip)
  return withTransaction(req, async () => {
    await assertIdentifiersFree(req, { email: input.email, username: input.username, phone: input.phone })
    const user = await req.payload.create({
      collection: 'users',
      // overrideAccess: anyone may sign up; the data is fixed to a plain, active, unverified user.
      overrideAccess: true,
      req,
      depth: 0,
      // The users hooks store the password as argon2id in this transaction (Payload never hashes it).
      data: { ...input, roles: ['user'], is_active: true, is_verified: false },
    })
    await startEmailVerification(req, user)
    return { user, tokens: await issueSession(req, user, client) }
  })
}
