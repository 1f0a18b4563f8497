import type { PayloadRequest } from 'payload'
import type { User } from '../../payload-types.ts'
import { authenticatePassword } from './authenticatePassword.ts'
import type { ClientMeta } from './clientMeta.ts'
import { issueSession, type IssuedTokens } from './issueSession.ts'

export type PasswordCredentials = { identifier: string; password: string }

/**
 * The /api/v1 password sign-in: the password check (rate limits, rehash), then a new session. `admit` lets
 * a route refuse a valid account before any session exists (the facilitator login admits facilitators only).
 */
export async function signInWithPassword(
  req: PayloadRequest,
  { identifier, password }: PasswordCredentials,
  client: ClientMeta,
  admit?: (user: User) => void,
): Promise<{ user: User; tokens: IssuedTokens }> {
  const user = await authenticatePassword(req, identifier, password, client)
  admit?.(user)
  return { user, tokens: await issueSession(req, user, client) }
}
