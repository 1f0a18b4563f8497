import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type { ListQuery } from '../../lib/listQuery.ts'
import { txDb } from '../../lib/transaction.ts'
import { Availability, type AvailabilityWindow } from './availability.ts'
import { displayName, personCards, type PersonCard } from './personCards.ts'

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
export async function listFriends(req: PayloadRequest, query: ListQuery & { friendId?: number }) {
  const db = await txDb(req)
  const term = query.search ? `%${query.search.replace(/[\\%_]/g, '\\$&')}%` : null
  const key = (query.ordering?.replace(/^-/, '') ?? 'name') as keyof typeof FRIEND_ORDERING
  const order = query.ordering?.startsWith('-') ? sql`DESC` : sql`ASC`
  const { rows } = await db.execute(sql`
    SELECT u.id, u.first_name, u.last_name, u.full_name, u.username, u.created_at, u.personality_data,
      fp.bio, fp.rate_cents, fp.currency, fp.timezone, fp.availability, fp.rating_average, fp.rating_count,
      count(*) OVER () AS total
    FROM users u
    JOIN users_roles r ON r.parent_id = u.id AND r.value = 'facilitator'
    LEFT JOIN friend_profiles fp ON fp.user_id = u.id
    WHERE u.is_active IS NOT FALSE
      AND (${query.friendId ?? null}::int IS NULL OR u.id = ${query.friendId ?? null})
      AND (${term}::text IS NULL OR concat_ws(' ', u.full_name, u.first_name, u.last_name, u.username, fp.bio) ILIKE ${term})
      AND (${query.dateAfter?.toISOString() ?? null}::timestamptz IS NULL OR u.created_at >= ${query.dateAfter?.toISOString() ?? null})
      AND (${query.dateBefore?.toISOString() ?? null}::timestamptz IS NULL OR u.created_at <= ${query.dateBefore?.toISOString() ?? null})
    ORDER BY ${FRIEND_ORDERING[key] ?? FRIEND_ORDERING.name} ${order}, u.id
    LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`)
  const friendRows = rows as FriendRow[]
  const cards = await personCards(
    req,
    friendRows.map((row) => row.id),
  )
  const friends = friendRows.map((row): FriendView => viewOf(row, cards.get(row.id)?.avatar ?? null))
  return { friends, total: Number(friendRows[0]?.total ?? 0) }
}

/** One active friend, or null. */
export async function findFriend(req: PayloadRequest, friendId: number): Promise<FriendView | null> {
  const { friends } = await listFriends(req, { page: 1, pageSize: 1, friendId })
  return friends[0] ?? null
}

function viewOf(row: FriendRow, avatar: string | null): FriendView {
  const availability = Availability.safeParse(row.availability ?? [])
  return {
    id: row.id,
    name: displayName(row),
    avatar,
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
