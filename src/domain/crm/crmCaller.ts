import { createHash, timingSafeEqual } from 'node:crypto'
import type { Payload, TypedUser } from 'payload'
import { isStaffMember } from '../../access/isStaffMember.ts'
import { hasRole } from '../../access/hasRole.ts'
import { config } from '../../lib/config.ts'
import { ForbiddenError, UnauthorizedError } from '../../lib/errors.ts'
import { facilitatorIdOfUser } from '../facilitators/facilitatorIdOfUser.ts'

/** Who calls the CRM API: another system with the static token, a staff member, or a facilitator about their own bookings. */
export type CrmCaller =
  { kind: 'service' } | { kind: 'staff'; user: TypedUser } | { kind: 'facilitator'; user: TypedUser; facilitatorId: number }

const digest = (value: string) => createHash('sha256').update(value).digest()

/** Compares in constant time (over digests, so the length of the token leaks nothing either). */
function isCrmToken(token: string): boolean {
  return timingSafeEqual(digest(token), digest(config.CRM_BEARER_TOKEN))
}

const bearerOf = (authorization: string | undefined) => /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? '')?.[1]?.trim()

/**
 * The CRM's authentication (spec 004): the static bearer token CRM_BEARER_TOKEN, or a platform JWT of
 * staff or of a facilitator. Anything else is 401 (a valid JWT of another user: 403).
 */
export async function crmCallerOf(payload: Payload, authorization: string | undefined, user: TypedUser | null): Promise<CrmCaller> {
  const token = bearerOf(authorization)
  if (token && isCrmToken(token)) return { kind: 'service' }
  if (!user) throw new UnauthorizedError('Invalid or missing bearer token')
  if (isStaffMember(user)) return { kind: 'staff', user }
  const facilitatorId = hasRole(user, 'facilitator') ? await facilitatorIdOfUser(payload, user.id) : null
  if (facilitatorId !== null) return { kind: 'facilitator', user, facilitatorId }
  throw new ForbiddenError('The CRM is for staff, facilitators and the booking service.')
}

/** Staff and the booking service see every booking; a facilitator only their own (facilitator routes). */
export function assertSeesAllBookings(caller: CrmCaller): void {
  if (caller.kind === 'facilitator') throw new ForbiddenError('Facilitators see their own bookings under facilitators/{id}.')
}

export function assertSeesFacilitator(caller: CrmCaller, facilitatorId: number): void {
  if (caller.kind === 'facilitator' && caller.facilitatorId !== facilitatorId) {
    throw new ForbiddenError("You can only see your own bookings, not another facilitator's.")
  }
}
