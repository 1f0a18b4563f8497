import type { PayloadRequest } from 'payload'
import type { User } from '../../payload-types.ts'
import { RequestValidationError } from '../../lib/errors.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { findUserByIdentifier } from './findUserByIdentifier.ts'
import { passwordProblems } from './passwordPolicy.ts'
import { verifyPassword } from './passwords.ts'
import { revokeOtherSessions } from './sessions.ts'
import { setPassword } from './upgradePasswordHash.ts'

/** Changes the caller's password after checking the current one; every other session is signed out. */
export async function changePassword(req: PayloadRequest, user: User, current: string, next: string, keepSession: string | null): Promise<void> {
  const stored = await findUserByIdentifier(req, user.email ?? user.username ?? user.phone ?? '')
  if (!stored || stored.id !== user.id || !(await verifyPassword(stored, current)).valid) {
    throw new RequestValidationError({ current_password: ['Your current password is incorrect.'] })
  }
  const problems = passwordProblems(next, [user.email, user.username, user.phone])
  if (problems.length > 0) throw new RequestValidationError({ new_password: problems })
  await withTransaction(req, async () => {
    await setPassword(req, user.id, next)
    await revokeOtherSessions(req, user.id, keepSession, 'password_reset')
  })
}
