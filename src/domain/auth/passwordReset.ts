import type { PayloadRequest } from 'payload'
import { BadRequestError, RequestValidationError } from '../../lib/errors.ts'
import { consume } from '../../lib/rateLimit.ts'
import { withTransaction } from '../../lib/transaction.ts'
import type { ClientMeta } from './clientMeta.ts'
import { sendPasswordResetEmail, type ResetLink } from './emails.ts'
import { findUserByIdentifier } from './findUserByIdentifier.ts'
import { authLimits } from './limits.ts'
import { consumeOneTimeToken, createOneTimeToken } from './oneTimeTokens.ts'
import { passwordProblems } from './passwordPolicy.ts'
import { setPassword } from './setPassword.ts'
import { readAsSystem } from '../../lib/readAsSystem.ts'
import { signOutEverywhere } from './signOutEverywhere.ts'

/**
 * Emails a single-use reset link when the identifier (an email, or for the admin panel also a username)
 * belongs to an active account with an email address. The caller always gets the same answer, so the
 * route does not reveal which accounts exist; the limits count per IP and per identifier asked for, known
 * or not, for the same reason. `link` is the page the email points at: the web app's, or the admin panel's.
 */
export async function requestPasswordReset(
  req: PayloadRequest,
  identifier: string,
  client: ClientMeta,
  link: ResetLink = 'app',
): Promise<void> {
  await consume(authLimits.passwordResetsByIp(), client.ip)
  await consume(authLimits.passwordResetsByAccount(), identifier.trim().toLowerCase())
  await withTransaction(req, async () => {
    const user = await findUserByIdentifier(req, identifier)
    if (!user?.email || user.is_active === false) return
    await sendPasswordResetEmail(req, user.email, await createOneTimeToken(req, 'password_reset', user.id), link)
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
    await signOutEverywhere(req, user.id, null)
  })
}
