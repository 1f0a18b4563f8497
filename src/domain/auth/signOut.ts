import type { PayloadRequest } from 'payload'
import type { User } from '../../payload-types.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { revokeFamilyRows, sessionOfRefreshToken } from './sessions.ts'

/**
 * Ends the session named by a refresh token (body or cookie) or by the caller's access token. Returns
 * false when the request names no session and carries no signed-in user (nothing to sign out of).
 */
export async function signOut(
  req: PayloadRequest,
  input: { refreshToken: string; user: User | null; sessionId?: string },
): Promise<boolean> {
  return withTransaction(req, async () => {
    const named = input.refreshToken ? await sessionOfRefreshToken(req, input.refreshToken) : null
    const sessionId = named ?? input.sessionId
    if (sessionId) await revokeFamilyRows(req, sessionId, 'logout')
    return Boolean(sessionId || input.user)
  })
}
