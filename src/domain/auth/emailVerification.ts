import type { PayloadRequest } from 'payload'
import type { User } from '../../payload-types.ts'
import { BadRequestError } from '../../lib/errors.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { sendVerificationEmail } from './emails.ts'
import { consumeOneTimeToken, createOneTimeToken } from './oneTimeTokens.ts'
import { readAsSystem } from '../../lib/readAsSystem.ts'

/** Sends a fresh verification link for the user's current email address (a no-op once verified). */
export async function startEmailVerification(req: PayloadRequest, user: User): Promise<void> {
  if (!user.email || user.is_verified) return
  await sendVerificationEmail(req, user.email, await createOneTimeToken(req, 'email_verification', user.id, user.email))
}

/** Marks the account verified, if the token is valid and was sent to the address the account still has. */
export async function verifyEmail(req: PayloadRequest, token: string): Promise<User> {
  return withTransaction(req, async () => {
    const spent = await consumeOneTimeToken(req, 'email_verification', token)
    if (!spent) throw new BadRequestError('This verification link is invalid or has expired.')
    const user = await readAsSystem(req, 'users', spent.userId)
    if (spent.email && spent.email !== user.email)
      throw new BadRequestError('This verification link is for an address the account no longer uses.')
    // overrideAccess: is_verified is staff-only for callers; proving the address is what sets it.
    return req.payload.update({ collection: 'users', id: user.id, data: { is_verified: true }, overrideAccess: true, req, depth: 0 })
  })
}
