import { randomUUID } from 'node:crypto'
import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type { User } from '../../payload-types.ts'
import { config } from '../../lib/config.ts'
import { txDb, withTransaction } from '../../lib/transaction.ts'
import { signAccessToken, type RateLimitTier } from './accessTokens.ts'
import type { ClientMeta } from './clientMeta.ts'
import { newSecretToken } from './tokenHash.ts'

export type IssuedTokens = {
  access: string
  accessExpiresAt: number
  refresh: string
  refreshExpiresAt: Date
  sessionId: string
}

/** A new session for a user who just proved who they are: a refresh-token family and its first tokens. */
export async function issueSession(req: PayloadRequest, user: User, client: ClientMeta): Promise<IssuedTokens> {
  return withTransaction(req, async () => {
    const now = new Date()
    const family = randomUUID()
    const familyExpiresAt = new Date(now.getTime() + config.REFRESH_FAMILY_LIFETIME * 1000)
    // Bookkeeping, one statement, taken first: concurrent sign-ins of one user then queue on this row
    // instead of deadlocking between the token insert's foreign-key lock and a later user update.
    const db = await txDb(req)
    await db.execute(sql`UPDATE users SET last_login_at = ${now} WHERE id = ${user.id}`)
    return issueTokens(req, { user, family, parent: null, client, familyExpiresAt, now })
  })
}

type NewToken = { user: User; family: string; parent: number | null; client: ClientMeta; familyExpiresAt: Date; now: Date }

/** What sign-in and refresh hand out: a new refresh token of the family and an access token for its session. */
export async function issueTokens(req: PayloadRequest, token: NewToken): Promise<IssuedTokens> {
  const { user, family } = token
  const refresh = await insertRefreshToken(req, token)
  const access = await signAccessToken({ userId: user.id, roles: user.roles ?? ['user'], sessionId: family, tier: tierOf(user) })
  return {
    access: access.token,
    accessExpiresAt: access.expiresAt,
    refresh: refresh.token,
    refreshExpiresAt: refresh.expiresAt,
    sessionId: family,
  }
}

/** Stores the hash of a new refresh token; it expires after REFRESH_TOKEN_TTL but never after its family. */
async function insertRefreshToken(req: PayloadRequest, { user, family, parent, client, familyExpiresAt, now }: NewToken) {
  const { token, hash } = newSecretToken()
  const expiresAt = new Date(Math.min(now.getTime() + config.REFRESH_TOKEN_TTL * 1000, familyExpiresAt.getTime()))
  await req.payload.create({
    collection: 'refresh-tokens',
    // overrideAccess: refresh tokens are written only by the auth domain.
    overrideAccess: true,
    req,
    depth: 0,
    data: {
      token_hash: hash,
      family,
      user: user.id,
      parent,
      user_agent: client.userAgent.slice(0, 500),
      ip: client.ip,
      last_used_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      family_expires_at: familyExpiresAt.toISOString(),
    },
  })
  return { token, expiresAt }
}

function tierOf(user: User): RateLimitTier {
  return user.rate_limit_tier === 'premium' ? 'premium' : 'standard'
}
