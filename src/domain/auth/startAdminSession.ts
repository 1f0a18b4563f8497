import { randomUUID } from 'node:crypto'
import { sql } from '@payloadcms/db-postgres'
import { getFieldsToSign, jwtSign, type PayloadRequest } from 'payload'
import type { User } from '../../payload-types.ts'
import { txDb, withTransaction } from '../../lib/transaction.ts'

type StoredSession = { id: string; createdAt?: string | Date | null; expiresAt: string | Date }

/**
 * What Payload's own login does once a password is verified: record a session on the user and sign
 * Payload's JWT into its `payload-token` cookie. Our password check (argon2id, upgrades, rate limits)
 * runs first, so staff whose hashes were upgraded keep signing in to /admin.
 */
export async function startAdminSession(req: PayloadRequest, user: User): Promise<{ token: string; exp: number; cookie: string }> {
  const collection = req.payload.collections.users.config
  const { tokenExpiration, cookies } = collection.auth
  const now = new Date()
  const sid = randomUUID()
  await withTransaction(req, async () => {
    // The session list is read, extended and rewritten: the row lock makes concurrent sign-ins take turns.
    await (await txDb(req)).execute(sql`SELECT id FROM users WHERE id = ${user.id} FOR UPDATE`)
    const current = await req.payload.findByID({
      collection: 'users',
      id: user.id,
      depth: 0,
      overrideAccess: true,
      req,
      select: { sessions: true },
    })
    const sessions: StoredSession[] = [
      ...((current.sessions ?? []) as StoredSession[]).filter(({ expiresAt }) => new Date(expiresAt) > now),
      { id: sid, createdAt: now, expiresAt: new Date(now.getTime() + tokenExpiration * 1000) },
    ]
    await req.payload.db.updateOne({ collection: 'users', id: user.id, data: { sessions }, req, returning: false })
  })
  const fieldsToSign = getFieldsToSign({
    collectionConfig: collection,
    email: user.email ?? '',
    sid,
    user: { ...user, collection: 'users' },
  })
  const { token, exp } = await jwtSign({ fieldsToSign, secret: req.payload.secret, tokenExpiration })
  const attributes = [
    `${req.payload.config.cookiePrefix}-token=${token}`,
    'Path=/',
    'HttpOnly',
    `Expires=${new Date(exp * 1000).toUTCString()}`,
    `SameSite=${typeof cookies.sameSite === 'string' ? cookies.sameSite : 'Lax'}`,
    ...(cookies.secure ? ['Secure'] : []),
    ...(cookies.domain ? [`Domain=${cookies.domain}`] : []),
  ]
  return { token, exp, cookie: attributes.join('; ') }
}
