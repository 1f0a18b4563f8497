import type { PayloadRequest } from 'payload'
import type { User } from '../../payload-types.ts'
import { RequestValidationError } from '../../lib/errors.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { passwordProblems } from './passwordPolicy.ts'
import { verifyPassword } from './passwords.ts'
import { setPassword } from './setPassword.ts'
import { signOutEverywhere } from './signOutEverywhere.ts'
import type { UserWithPassword } from './userRecords.ts'

/** Changes the caller's password after checking the current one; every other session is signed out. */
export async function changePassword(
  req: PayloadRequest,
  user: User,
  current: string,
  next: string,
  keepSession: string | null,
): Promise<void> {
  const stored = await storedPasswordOf(req, user.id)
  if (!stored || !(await verifyPassword(stored, current)).valid) {
    throw new RequestValidationError({ current_password: ['Your current password is incorrect.'] })
  }
  const problems = passwordProblems(next, [user.email, user.username, user.phone])
  if (problems.length > 0) throw new RequestValidationError({ new_password: problems })
  await withTransaction(req, async () => {
    await setPassword(req, user.id, next)
    await signOutEverywhere(req, user.id, keepSession)
  })
}

/** The signed-in user's record with its stored hash, or null if the account is gone meanwhile. */
async function storedPasswordOf(req: PayloadRequest, userId: number): Promise<UserWithPassword | null> {
  // overrideAccess + showHiddenFields: the password check needs the stored hash, which no caller may read.
  const stored = await req.payload.findByID({
    collection: 'users',
    id: userId,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    disableErrors: true,
    req,
  })
  return stored as UserWithPassword | null
}
