import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'
import type { User } from '../../payload-types.ts'
import { txDb, withTransaction } from '../../lib/transaction.ts'
import type { AdminSessionClaims } from './adminSessionToken.ts'
import type { TokenUser } from './userFromAccessToken.ts'

/** One admin sign-in, as Payload records it in the user's `sessions` field. */
export type AdminSession = { id: string; createdAt?: string | Date | null; expiresAt: string | Date }

const isLive = (session: AdminSession, now: Date) => new Date(session.expiresAt) > now

/**
 * Rewrites the user's admin sessions (expired ones dropped) under a row lock, so concurrent sign-ins,
 * refreshes and sign-outs take turns instead of overwriting each other's list.
 */
export async function updateAdminSessions(
  req: PayloadRequest,
  userId: number,
  change: (live: AdminSession[]) => AdminSession[],
): Promise<void> {
  await withTransaction(req, async () => {
    await (await txDb(req)).execute(sql`SELECT id FROM users WHERE id = ${userId} FOR UPDATE`)
    // overrideAccess: the session list is the auth domain's own bookkeeping, never a caller's data.
    const current = await req.payload.findByID({
      collection: 'users',
      id: userId,
      depth: 0,
      overrideAccess: true,
      req,
      select: { sessions: true },
    })
    const now = new Date()
    const sessions = change(((current.sessions ?? []) as AdminSession[]).filter((session) => isLive(session, now)))
    await req.payload.db.updateOne({ collection: 'users', id: userId, data: { sessions }, req, returning: false })
  })
}

/** Signs the user out of the admin panel everywhere but `keep` (a password set for them, or reset). */
export async function endAdminSessions(req: PayloadRequest, userId: number, keep: string | null = null): Promise<void> {
  await updateAdminSessions(req, userId, (sessions) => sessions.filter((session) => session.id === keep))
}

/** The user an admin session token speaks for, while that session is open and the account active. */
export async function userFromAdminSession(payload: Payload, claims: AdminSessionClaims, strategy: string): Promise<TokenUser | null> {
  // overrideAccess: authentication runs before there is a caller to check access for.
  const user = (await payload.findByID({
    collection: 'users',
    id: claims.id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })) as User | null
  const now = new Date()
  const open = ((user?.sessions ?? []) as AdminSession[]).some((session) => session.id === claims.sid && isLive(session, now))
  if (!user || user.is_active === false || !open) return null
  return { ...user, collection: 'users', _strategy: strategy, _sid: claims.sid }
}
