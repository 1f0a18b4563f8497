import type { RegistrationStatus } from './statuses.ts'

/**
 * The moves a registration's status may make, enforced in the WHERE of every UPDATE (registrationRecords.ts):
 * a waitlist place is confirmed by a claim, becomes a paid hold, or ends; a paid hold is confirmed or ends;
 * a ticket is used or cancelled; a used ticket stays used; a payment that arrives late may revive a
 * cancelled hold.
 */
const NEXT: Record<RegistrationStatus, readonly RegistrationStatus[]> = {
  waitlisted: ['confirmed', 'pending_payment', 'cancelled'],
  pending_payment: ['confirmed', 'cancelled'],
  confirmed: ['checked_in', 'cancelled'],
  checked_in: [],
  cancelled: ['confirmed'],
}

export function canMoveRegistration(from: RegistrationStatus, to: RegistrationStatus): boolean {
  return NEXT[from].includes(to)
}

/** The statuses a registration may be in for a move to `to`, narrowed to `from` when given (for conditional UPDATEs). */
export function registrationStatusesBefore(to: RegistrationStatus, from?: readonly RegistrationStatus[]): RegistrationStatus[] {
  const allowed = (Object.keys(NEXT) as RegistrationStatus[]).filter((status) => canMoveRegistration(status, to))
  if (!from) return allowed
  const refused = from.filter((status) => !allowed.includes(status))
  // A programming error, not a client's: no caller may ask for a move the table does not allow.
  if (refused.length > 0) throw new Error(`registration cannot move from ${refused.join(', ')} to ${to}`)
  return [...from]
}
