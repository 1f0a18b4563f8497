import type { PayloadRequest } from 'payload'
import type { User } from '../../payload-types.ts'
import { ForbiddenError, UnauthorizedError } from '../../lib/errors.ts'
import { logger } from '../../lib/logger.ts'
import { assertNotLimited, consume } from '../../lib/rateLimit.ts'
import type { ClientMeta } from './clientMeta.ts'
import { findUserByIdentifier } from './findUserByIdentifier.ts'
import { authLimits } from './limits.ts'
import { burnPasswordCheck, verifyPassword } from './passwords.ts'
import { setPassword } from './setPassword.ts'

export const INVALID_CREDENTIALS = 'Invalid credentials'

/**
 * The one password check of the platform (the /api/v1 logins and the admin login form). Unknown accounts
 * and wrong passwords look the same, in body and in timing; failures are rate limited per account+IP and
 * per IP; a correct password stored in an older scheme is rehashed with argon2id.
 */
export async function authenticatePassword(req: PayloadRequest, identifier: string, password: string, client: ClientMeta): Promise<User> {
  const accountKey = `${identifier.trim().toLowerCase()}|${client.ip}`
  await assertNotLimited(authLimits.loginFailuresByAccount(), accountKey)
  await assertNotLimited(authLimits.loginFailuresByIp(), client.ip)
  const user = await findUserByIdentifier(req, identifier)
  const check = user ? await verifyPassword(user, password) : (await burnPasswordCheck(password), { valid: false, needsRehash: false })
  if (!user || !check.valid) {
    await Promise.all([consume(authLimits.loginFailuresByAccount(), accountKey), consume(authLimits.loginFailuresByIp(), client.ip)])
    logger.info({ reqId: req.context.reqId, ip: client.ip, known: Boolean(user) }, 'sign-in failed')
    throw new UnauthorizedError(INVALID_CREDENTIALS)
  }
  await authLimits.loginFailuresByAccount().delete(accountKey)
  // Only after the password proved who is asking, so this reveals nothing to a guesser.
  if (user.is_active === false) throw new ForbiddenError('This account is inactive.')
  if (check.needsRehash && user.hash) await setPassword(req, user.id, password, { onlyIfHashIs: user.hash })
  return stripSecrets(user)
}

function stripSecrets(user: User & { hash?: unknown; salt?: unknown }): User {
  const { hash: _hash, salt: _salt, ...rest } = user
  return rest
}
