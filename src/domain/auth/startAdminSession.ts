import { randomUUID } from 'node:crypto'
import type { PayloadRequest } from 'payload'
import type { User } from '../../payload-types.ts'
import { signAdminSessionToken, type AdminSessionToken } from './adminSessionToken.ts'
import { updateAdminSessions } from './adminSessions.ts'

/**
 * What Payload's own login does once a password is verified: record a session on the user and sign
 * Payload's JWT into its `payload-token` cookie. Our password check (argon2id, upgrades, rate limits)
 * runs first, so staff whose hashes were upgraded keep signing in to /admin.
 */
export async function startAdminSession(req: PayloadRequest, user: User): Promise<AdminSessionToken> {
  const { tokenExpiration } = req.payload.collections.users.config.auth
  const now = new Date()
  const sid = randomUUID()
  await updateAdminSessions(req, user.id, (sessions) => [
    ...sessions,
    { id: sid, createdAt: now, expiresAt: new Date(now.getTime() + tokenExpiration * 1000) },
  ])
  return signAdminSessionToken(req, user, sid)
}
