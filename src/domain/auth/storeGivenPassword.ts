import type { PayloadRequest } from 'payload'
import type { User } from '../../payload-types.ts'
import { RequestValidationError } from '../../lib/errors.ts'
import { passwordProblems } from './passwordPolicy.ts'
import { setPassword } from './setPassword.ts'
import { signOutEverywhere } from './signOutEverywhere.ts'

/**
 * A password given to the users collection (admin panel, REST, GraphQL, the Local API): stored as
 * argon2id, never Payload's PBKDF2. One a caller chose is held to the password policy; one set for an
 * existing account ends its sessions (but `keep`).
 */
export async function storeGivenPassword(
  req: PayloadRequest,
  user: User,
  password: string,
  options: { checkPolicy: boolean; signOut: false | { keep: string | null } },
): Promise<void> {
  if (options.checkPolicy) {
    const problems = passwordProblems(password, [user.email, user.username, user.phone])
    if (problems.length > 0) throw new RequestValidationError({ password: problems })
  }
  await setPassword(req, user.id, password)
  if (options.signOut) await signOutEverywhere(req, user.id, options.signOut.keep)
}
