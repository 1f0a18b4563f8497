import type { PayloadRequest } from 'payload'
import { endAdminSessions } from './adminSessions.ts'
import { revokeOtherSessions } from './sessions.ts'

/** After a password change or reset: every session of the account ends (API and admin panel), but `keep`. */
export async function signOutEverywhere(req: PayloadRequest, userId: number, keep: string | null): Promise<void> {
  await revokeOtherSessions(req, userId, keep, 'password_reset')
  await endAdminSessions(req, userId, keep)
}
