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
import { hashPassword } from './passwords.ts'
import { insertMember } from './userRecords.ts'

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
 * Creates an account (a plain user; only staff grant roles) with its password as argon2id, starts email
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
  const { password, ...account } = input
  // Hashed before the transaction opens: no pooled connection sits idle while argon2id runs.
  const hash = await hashPassword(password)
  return withTransaction(req, async () => {
    await assertIdentifiersFree(req, { email: input.email, username: input.username, phone: input.phone })
    // Statements, not a Local API create: the request schema already validated and normalised the data,
    // and Payload's create (validation, hooks, read-back) cost more than the rest of the sign-up together.
    const user = await insertMember(req, { ...account, hash })
    await startEmailVerification(req, user)
    return { user, tokens: await issueSession(req, user, client) }
  })
}
