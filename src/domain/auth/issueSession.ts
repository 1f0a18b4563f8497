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

/**
 * A new session for a user who just proved who they are: a refresh-token family and its first tokens, in
 * one statement. The user row's bookkeeping (last_login_at) is taken first, so concurrent sign-ins of one
 * user queue on that row instead of deadlocking between the token insert's foreign-key lock and the update.
 */
export async function issueSession(req: PayloadRequest, user: User, client: ClientMeta): Promise<IssuedTokens> {
  const now = new Date()
  const family = randomUUID()
  const familyExpiresAt = new Date(now.getTime() + config.REFRESH_FAMILY_LIFETIME * 1000)
  const token: NewToken = { user, family, parent: null, client, familyExpiresAt, now }
  const refresh = refreshTokenRow(token)
  // A sign-in on its own (not inside a sign-up's transaction) does not wait for its WAL flush: a session
  // lost to a crash in the next fraction of a second costs a new sign-in, and the flush (~7-15 ms on this
  // disk) was most of a sign-in's time besides the hash. Visibility and ordering are unchanged.
  const ownTransaction = !(await req.transactionID)
  await withTransaction(req, async () => {
    const db = await txDb(req)
    if (ownTransaction) await db.execute(sql`SET LOCAL synchronous_commit = off`)
    await db.execute(sql`
    WITH signed_in AS (UPDATE users SET last_login_at = ${now} WHERE id = ${user.id} RETURNING id)
    INSERT INTO refresh_tokens (${REFRESH_TOKEN_COLUMNS}) SELECT ${refreshTokenValues(token, refresh)}, id FROM signed_in`)
  })
  return tokensOf(token, refresh)
}

type NewToken = { user: User; family: string; parent: number | null; client: ClientMeta; familyExpiresAt: Date; now: Date }
type RefreshTokenRow = { token: string; hash: string; expiresAt: Date; userAgent: string }

/** What sign-in and refresh hand out: a new refresh token of the family and an access token for its session. */
export async function issueTokens(req: PayloadRequest, token: NewToken): Promise<IssuedTokens> {
  const refresh = refreshTokenRow(token)
  const db = await txDb(req)
  await db.execute(
    sql`INSERT INTO refresh_tokens (${REFRESH_TOKEN_COLUMNS}) VALUES (${refreshTokenValues(token, refresh)}, ${token.user.id})`,
  )
  return tokensOf(token, refresh)
}

// refreshTokenValues fills every column but the last, user_id, which each insert supplies its own way.
const REFRESH_TOKEN_COLUMNS = sql`token_hash, family, parent_id, user_agent, ip, last_used_at, expires_at, family_expires_at, user_id`

function refreshTokenValues(token: NewToken, refresh: RefreshTokenRow) {
  return sql`${refresh.hash}, ${token.family}, ${token.parent}, ${refresh.userAgent}, ${token.client.ip}, ${token.now},
    ${refresh.expiresAt}, ${token.familyExpiresAt}`
}

/** A new refresh token of the family: it expires after REFRESH_TOKEN_TTL but never after its family. */
function refreshTokenRow({ client, familyExpiresAt, now }: NewToken): RefreshTokenRow {
  const { token, hash } = newSecretToken()
  const expiresAt = new Date(Math.min(now.getTime() + config.REFRESH_TOKEN_TTL * 1000, familyExpiresAt.getTime()))
  return { token, hash, expiresAt, userAgent: client.userAgent.slice(0, 500) }
}

async function tokensOf({ user, family }: NewToken, refresh: RefreshTokenRow): Promise<IssuedTokens> {
  const access = await signAccessToken({ userId: user.id, roles: user.roles ?? ['user'], sessionId: family, tier: tierOf(user) })
  return {
    access: access.token,
    accessExpiresAt: access.expiresAt,
    refresh: refresh.token,
    refreshExpiresAt: refresh.expiresAt,
    sessionId: family,
  }
}

function tierOf(user: User): RateLimitTier {
  return user.rate_limit_tier === 'premium' ? 'premium' : 'standard'
}
