import type { PayloadRequest } from 'payload'
import { ConflictError } from '../../lib/errors.ts'
import { readAsSystem } from '../../lib/readAsSystem.ts'
import { withTransaction } from '../../lib/transaction.ts'
import type { Registration } from '../../payload-types.ts'
import { returnSeat } from './offerSeat.ts'
import { cancelRegistrationRow } from './registrationRecords.ts'
import { CANCELLABLE_STATUSES, type CancelReason } from './statuses.ts'

/**
 * Cancels a registration (or a waitlist place). A conditional UPDATE moves it out of an active status
 * once, so concurrent cancels free the seat once; the freed seat goes to the waitlist in the same
 * transaction. A checked-in ticket cannot be cancelled.
 */
export async function cancelRegistration(req: PayloadRequest, registration: Registration, reason: CancelReason): Promise<Registration> {
  return withTransaction(req, async () => {
    const now = new Date()
    const cancelled = await cancelRegistrationRow(req, { id: registration.id }, { reason, from: CANCELLABLE_STATUSES, at: now })
    if (!cancelled) {
      const current = await readAsSystem(req, 'registrations', registration.id)
      throw new ConflictError(
        current.status === 'checked_in'
          ? 'This ticket has been used to check in and can no longer be cancelled.'
          : 'This registration is already cancelled.',
      )
    }
    if (cancelled.heldSeat) await returnSeat(req, cancelled.eventId, now)
    return readAsSystem(req, 'registrations', registration.id)
  })
}
