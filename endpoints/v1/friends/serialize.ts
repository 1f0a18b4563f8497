import type { FriendView } from '../../../src/domain/friends/friendDirectory.ts'
import { decimalAmount } from '../../../src/lib/money.ts'

/** Spec 001's friend {id, name, avatar} with what booking needs. */
export function serializeFriend(friend: FriendView) {
  return {
    id: friend.id,
    name: friend.name,
    avatar: friend.avatar,
    bio: friend.bio,
    rate: decimalAmount(friend.rate_cents, friend.currency),
    currency: friend.currency,
    timezone: friend.timezone,
    availability: friend.availability,
    average_rating: friend.rating_average === null ? null : Math.round(friend.rating_average * 100) / 100,
    rating_count: friend.rating_count,
  }
}
