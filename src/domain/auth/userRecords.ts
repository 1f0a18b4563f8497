import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type { User } from '../../payload-types.ts'
import { iso, isoOrNull } from '../../lib/dates.ts'
import { firstRow } from '../../lib/db/sql.ts'
import { rootDb, txDb } from '../../lib/transaction.ts'

/**
 * Writes to `users` that other areas need (identity owns the table; Payload writes what members and
 * staff edit, under the collection's access rules).
 */

/**
 * Remembers the user's Stripe customer, once: a concurrent first checkout keeps the one stored first.
 * Committed at once, outside the caller's transaction: a subscription attempt holds its transaction open
 * across Stripe calls, and the webhooks those calls trigger must find the user by customer id (and update
 * the user row) without waiting for it, or the two would deadlock.
 */
export async function linkStripeCustomer(req: PayloadRequest, userId: number, customerId: string): Promise<void> {
  await rootDb(req.payload).execute(
    sql`UPDATE users SET stripe_customer_id = ${customerId} WHERE id = ${userId} AND stripe_customer_id IS NULL`,
  )
}

/** The user's rate-limit tier, from what their subscriptions entitle them to (billing decides). */
export async function setRateLimitTier(req: PayloadRequest, userId: number, tier: 'standard' | 'premium'): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`UPDATE users SET rate_limit_tier = ${tier} WHERE id = ${userId} AND rate_limit_tier IS DISTINCT FROM ${tier}`)
}

/** Adds a role the user's company binding or profile entitles them to (startup, investor); no-op if held. */
export async function grantRole(req: PayloadRequest, userId: number, role: 'startup' | 'investor'): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`
    INSERT INTO users_roles ("order", parent_id, value)
    SELECT COALESCE(MAX(r."order"), 0) + 1, ${userId}, ${role}::enum_users_roles FROM users_roles r
    WHERE r.parent_id = ${userId}
    HAVING NOT EXISTS (SELECT 1 FROM users_roles x WHERE x.parent_id = ${userId} AND x.value = ${role})`)
}

/** A user as the Local API would return it, plus the stored password (sign-in verifies it). */
export type UserWithPassword = User & { hash?: string | null; salt?: string | null }

// The columns of a users row as the Local API names them (roles from users_roles, in their order).
const USER_SELECT = sql`u.id, u.email, u.username, u.phone, u.first_name, u.last_name, u.full_name, u.is_active, u.is_verified,
  u.personality_data, u.timezone, u.last_login_at, u.rate_limit_tier, u.stripe_customer_id, u.oauth_google_id, u.oauth_github_id,
  u.created_at, u.updated_at, u.hash, u.salt`

type UserRow = Omit<UserWithPassword, 'createdAt' | 'updatedAt' | 'last_login_at' | 'collection'> & {
  created_at: string | Date
  updated_at: string | Date
  last_login_at: string | Date | null
}

function userOf({ created_at, updated_at, last_login_at, ...row }: UserRow): UserWithPassword {
  return {
    ...row,
    createdAt: iso(created_at),
    updatedAt: iso(updated_at),
    last_login_at: isoOrNull(last_login_at),
    collection: 'users',
  }
}

export type SignInIdentifier = { column: 'email' | 'phone' | 'username'; value: string }

/**
 * The account signing in, with its stored password: one indexed read, not a Local API find (access,
 * hooks and afterRead cost more than the query on the sign-in path).
 */
export async function findUserWithPassword(req: PayloadRequest, { column, value }: SignInIdentifier): Promise<UserWithPassword | null> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    SELECT ${USER_SELECT}, ARRAY(SELECT r.value::text FROM users_roles r WHERE r.parent_id = u.id ORDER BY r."order") AS roles
    FROM users u WHERE ${sql.identifier(column)} = ${value} LIMIT 1`)
  const row = firstRow<UserRow>(result)
  return row ? userOf(row) : null
}

export type NewMember = {
  email?: string
  phone?: string
  username?: string
  first_name?: string
  last_name?: string
  full_name?: string
  personality_data?: Record<string, unknown>
  timezone?: string
  /** The argon2id hash, computed before the transaction so no connection waits on it. */
  hash: string
}

/**
 * A signed-up member: the users row (plain role, active, unverified), its role and its profile (every user
 * has exactly one, as the users collection's createProfile hook guarantees for Local API creates), in one
 * statement. Identifiers arrive normalised by the request schema; a taken one fails on the unique index.
 */
export async function insertMember(req: PayloadRequest, member: NewMember): Promise<User> {
  const db = await txDb(req)
  const fullName = member.full_name || [member.first_name, member.last_name].filter(Boolean).join(' ') || null
  const result = await db.execute(sql`
    WITH u AS (
      INSERT INTO users (email, username, phone, first_name, last_name, full_name, personality_data, timezone, is_active, is_verified, hash)
      VALUES (${member.email ?? null}, ${member.username ?? null}, ${member.phone ?? null}, ${member.first_name ?? null},
        ${member.last_name ?? null}, ${fullName}, ${member.personality_data ? JSON.stringify(member.personality_data) : null}::jsonb,
        ${member.timezone ?? 'UTC'}, true, false, ${member.hash})
      RETURNING *
    ), role AS (
      INSERT INTO users_roles ("order", parent_id, value) SELECT 1, id, 'user' FROM u
    ), profile AS (
      INSERT INTO profiles (user_id) SELECT id FROM u
    )
    SELECT ${USER_SELECT}, ARRAY['user']::text[] AS roles FROM u`)
  const row = firstRow<UserRow>(result)
  if (!row) throw new Error('the users insert returned no row')
  const { hash: _hash, salt: _salt, ...user } = userOf(row)
  return user
}
