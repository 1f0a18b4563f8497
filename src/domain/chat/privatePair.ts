import { hasRole } from '../../access/hasRole.ts'
import { BadRequestError } from '../../lib/errors.ts'
import type { ChatUser } from './chatUsers.ts'

export const EXACTLY_TWO = 'Private room must have exactly 2 participants.'

/**
 * spec 002's private room: exactly two people, one investor and one startup, decided by their roles
 * (a user holding both can take either side).
 */
export function assertPrivatePair(users: ChatUser[]): void {
  if (users.length !== 2 || users[0].id === users[1].id) throw new BadRequestError(EXACTLY_TWO)
  const [a, b] = users
  const paired = (hasRole(a, 'investor') && hasRole(b, 'startup')) || (hasRole(a, 'startup') && hasRole(b, 'investor'))
  if (!paired) throw new BadRequestError('Private room must have one investor and one startup.')
}
