import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type { ListQuery } from '../../lib/listQuery.ts'
import { txDb } from '../../lib/transaction.ts'
import { Availability, type AvailabilityWindow } from './availability.ts'
import { profilesOf } from '../users/profileOf.ts'
import { displayName, type PersonCard } from './personCards.ts'

/** A friend as spec 001 shows one ({id, name, avatar}) with what booking needs: rate, timezone, availability, rating. */
export type FriendView = PersonCard & {
  bio: string | null
  rate_cents: number
  currency: string
  timezone: string
  availability: AvailabilityWindow[]
  rating_average: number | null
  rating_count: number
  personality_data: unknown
  created_at: Date
}

/** `ordering` keys of the friends list and the SQL they sort by. */
export const FRIEND_ORDERING = {
  name: sql`lower(coalesce(nullif(u.full_name, ''), concat_ws(' ', u.first_name, u.last_name)))`,
  rate: sql`coalesce(fp.rate_cents, 0)`,
  rating: sql`coalesce(fp.rating_average, 0)`,
  created_at: sql`u.created_at`,
} as const

type FriendRow = {
  id: number
  first_name: string | null
  last_name: string | null
  full_name: string | null
  username: string | null
  created_at: string
  personality_data: unknown
  bio: string | null
  rate_cents: string | number | null
  currency: string | null
  timezone: string | null
  availability: unknown
  rating_average: number | null
  rating_count: number | null
  total: string
}

/** Active users with the facilitator role, with their published profile (one query, then their avatars). */
export async function listFriends(req: PayloadRequest, query: ListQuery & { friendId?: number; withAvatars?: boolean }) {
  const db = await txDb(req)
  const key = (query.ordering?.replace(/^-/, '') ?? 'name') as keyof typeof FRIEND_ORDERING
  const order = query.ordering?.startsWith('-') ? sql`DESC` : sql`ASC`
  const { rows } = await db.execute(sql`
    SELECT u.id, u.first_name, u.last_name, u.full_name, u.username, u.created_at, u.personality_data,
      fp.bio, fp.rate_cents, fp.currency, fp.timezone, fp.availability, fp.rating_average, fp.rating_count,
      count(*) OVER () AS total
    FROM users u
    JOIN users_roles r ON r.parent_id = u.id AND r.value = 'facilitator'
    LEFT JOIN friend_profiles fp ON fp.user_id = u.id
    WHERE ${sql.join(conditionsOf(query), sql` AND `)}
    ORDER BY ${FRIEND_ORDERING[key] ?? FRIEND_ORDERING.name} ${order}, u.id
    LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`)
  const friendRows = rows as FriendRow[]
  const friends = friendRows.map(viewOf)
  // Avatars live in the users area's profiles: one more query, skipped where nobody shows them (booking).
  return { friends: query.withAvatars === false ? friends : await withAvatars(req, friends), total: Number(friendRows[0]?.total ?? 0) }
}

/** The friends with their avatars, in one query (the names came with the friends' rows). */
export async function withAvatars(req: PayloadRequest, friends: FriendView[]): Promise<FriendView[]> {
  const profiles = await profilesOf(
    req,
    friends.map((friend) => friend.id),
  )
  return friends.map((friend) => ({ ...friend, avatar: profiles.get(friend.id)?.profile_image_url ?? null }))
}

/** Only the filters asked for, so each query keeps a plan that uses its indexes. */
function conditionsOf(query: ListQuery & { friendId?: number }) {
  const conditions = [sql`u.is_active IS NOT FALSE`]
  if (query.friendId !== undefined) conditions.push(sql`u.id = ${query.friendId}`)
  if (query.search) {
    const term = `%${query.search.replace(/[\\%_]/g, '\\$&')}%`
    conditions.push(sql`concat_ws(' ', u.full_name, u.first_name, u.last_name, u.username, fp.bio) ILIKE ${term}`)
  }
  if (query.dateAfter) conditions.push(sql`u.created_at >= ${query.dateAfter.toISOString()}`)
  if (query.dateBefore) conditions.push(sql`u.created_at <= ${query.dateBefore.toISOString()}`)
  return conditions
}

/** One active friend, or null. */
export async function findFriend(req: PayloadRequest, friendId: number, { withAvatar = true } = {}): Promise<FriendView | null> {
  const { friends } = await listFriends(req, { page: 1, pageSize: 1, friendId, withAvatars: withAvatar })
  return friends[0] ?? null
}

function viewOf(row: FriendRow): FriendView {
  const availability = Availability.safeParse(row.availability ?? [])
  return {
    id: row.id,
    name: displayName(row),
    avatar: null,
    bio: row.bio,
    rate_cents: Number(row.rate_cents ?? 0),
    currency: row.currency ?? 'USD',
    timezone: row.timezone ?? 'UTC',
    availability: availability.success ? availability.data : [],
    rating_average: row.rating_average === null ? null : Number(row.rating_average),
    rating_count: Number(row.rating_count ?? 0),
    personality_data: row.personality_data,
    created_at: new Date(row.created_at),
  }
}
