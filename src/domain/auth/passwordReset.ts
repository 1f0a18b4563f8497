import type { PayloadRequest } from 'payload'
import { BadRequestError, RequestValidationError } from '../../lib/errors.ts'
import { consume } from '../../lib/rateLimit.ts'
import { withTransaction } from '../../lib/transaction.ts'
import type { ClientMeta } from './clientMeta.ts'
import { sendPasswordResetEmail } from './emails.ts'
import { authLimits } from './limits.ts'
import { consumeOneTimeToken, createOneTimeToken } from './oneTimeTokens.ts'
import { passwordProblems } from './passwordPolicy.ts'
import { revokeOtherSessions } from './sessions.ts'
import { setPassword } from './setPassword.ts'
import { readAsSystem } from '../../lib/readAsSystem.ts'

/**
 * Emails a single-use reset link when the address belongs to an active account. The caller always gets
 * the same answer, so the route does not reveal which addresses are registered.
 */
export async function requestPasswordReset(req: PayloadRequest, email: string, client: ClientMeta): Promise<void> {
  await consume(authLimits.passwordResetsByIp(), client.ip)
  await withTransaction(req, async () => {
    const { docs } = await req.payload.find({
      collection: 'users',
      where: { email: { equals: email.trim().toLowerCase() } },
      limit: 1,
      depth: 0,
      pagination: false,
      // overrideAccess: the requester is anonymous by definition.
      overrideAccess: true,
      req,
    })
    const user = docs[0]
    if (!user?.email || user.is_active === false) return
    await sendPasswordResetEmail(req, user.email, await createOneTimeToken(req, 'password_reset', user.id))
  })
}

/** Sets the new password if the token is valid (once), and signs the account out everywhere. */
export async function confirmPasswordReset(req: PayloadRequest, token: string, password: string): Promise<void> {
  await withTransaction(req, async () => {
    const spent = await consumeOneTimeToken(req, 'password_reset', token)
    if (!spent) throw new BadRequestError('This password reset link is invalid or has expired.')
    const user = await readAsSystem(req, 'users', spent.userId)
    const problems = passwordProblems(password, [user.email, user.username, user.phone])
    if (problems.length > 0) throw new RequestValidationError({ password: problems })
    await setPassword(req, user.id, password)
    await revokeOtherSessions(req, user.id, null, 'password_reset')
  })
}
