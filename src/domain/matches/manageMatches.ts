import type { PayloadRequest, TypedUser } from 'payload'
import { extractID } from 'payload/shared'
import type { Match } from '../../payload-types.ts'
import { ConflictError, ForbiddenError, NotFoundError, RequestValidationError } from '../../lib/errors.ts'
import { findAsCaller, findAsSystem, readAsSystem } from '../../lib/readAsSystem.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { findFriend } from '../friends/friendDirectory.ts'
import { compatibilityScore } from './compatibility.ts'
import { answerMatchRow, deleteMatchRow, insertMatch } from './matchRecords.ts'
import type { MATCH_ANSWERS } from './statuses.ts'

/** Staff match a user with a friend; the score comes from both people's personality_data (compatibility.ts). */
export async function createMatch(req: PayloadRequest, staff: TypedUser, input: { userId: number; friendId: number }): Promise<Match> {
  if (input.userId === input.friendId) throw new RequestValidationError({ friend_id: ['A user cannot be matched with themselves.'] })
  const user = await findAsSystem(req, 'users', input.userId)
  if (!user || user.is_active === false) throw new RequestValidationError({ user_id: ['No such user.'] })
  const friend = await findFriend(req, input.friendId, { withAvatar: false })
  if (!friend) throw new RequestValidationError({ friend_id: ['No such friend.'] })
  const score = compatibilityScore(user.personality_data, friend.personality_data)
  const id = await withTransaction(req, () => insertMatch(req, { userId: user.id, friendId: friend.id, score, createdBy: staff.id }))
  if (id === null) throw new ConflictError('This user and friend are already matched.')
  return readAsSystem(req, 'matches', id)
}

/** A match the caller may see (its two parties and staff); 404 otherwise. */
export async function findMatch(req: PayloadRequest, id: number): Promise<Match> {
  const match = await findAsCaller(req, 'matches', id)
  if (!match) throw new NotFoundError('Match not found.')
  return match
}

/** The matched user accepts or declines a pending match, once. */
export async function answerMatch(
  req: PayloadRequest,
  user: TypedUser,
  id: number,
  status: (typeof MATCH_ANSWERS)[number],
): Promise<Match> {
  const match = await findMatch(req, id)
  if (extractID(match.user) !== user.id) throw new ForbiddenError('Only the matched user can accept or decline a match.')
  const answered = await withTransaction(req, () => answerMatchRow(req, id, user.id, status))
  if (!answered) throw new ConflictError(`This match was already ${match.status === 'pending' ? 'answered' : match.status}.`)
  return readAsSystem(req, 'matches', id)
}

/** Staff remove a match. */
export async function deleteMatch(req: PayloadRequest, id: number): Promise<void> {
  await findMatch(req, id)
  await deleteMatchRow(req, id)
}
