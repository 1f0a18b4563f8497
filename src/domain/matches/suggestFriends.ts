import type { PayloadRequest } from 'payload'
import { RequestValidationError } from '../../lib/errors.ts'
import { findAsSystem } from '../../lib/readAsSystem.ts'
import { listFriends, withAvatars } from '../friends/friendDirectory.ts'
import { compatibilityScore } from './compatibility.ts'

/** How many friends are scored at most: suggestions are a staff tool, not a search engine. */
const MAX_SCORED = 2000

/** Staff's suggestions: the top `limit` friends for a user by compatibility score (ties: best rated first). */
export async function suggestFriends(req: PayloadRequest, userId: number, limit: number) {
  const user = await findAsSystem(req, 'users', userId)
  if (!user) throw new RequestValidationError({ user_id: ['No such user.'] })
  // One read of the candidates, in the directory's order, instead of a query per page of them.
  const { friends: candidates } = await listFriends(req, { page: 1, pageSize: MAX_SCORED, withAvatars: false })
  const top = candidates
    .filter((friend) => friend.id !== userId)
    .map((friend) => ({ friend, score: compatibilityScore(user.personality_data, friend.personality_data) }))
    .sort((a, b) => b.score - a.score || (b.friend.rating_average ?? 0) - (a.friend.rating_average ?? 0) || a.friend.id - b.friend.id)
    .slice(0, limit)
  // Avatars only for the friends shown, not for every friend scored.
  const friends = await withAvatars(
    req,
    top.map(({ friend }) => friend),
  )
  return top.map(({ score }, index) => ({ friend: friends[index], score }))
}
