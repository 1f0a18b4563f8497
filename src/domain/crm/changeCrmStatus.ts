import type { PayloadRequest } from 'payload'
import { ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { insertStageChange, lockCrmBooking, setCrmStage } from './crmRecords.ts'
import { isBackwardMove } from './crmTransitions.ts'
import type { CrmCaller } from './crmCaller.ts'
import type { CrmSource, CrmStage } from './statuses.ts'

export type StageMove = { bookingId: number; oldStatus: CrmStage; newStatus: CrmStage; updatedAt: Date }

/**
 * Moves a booking along the pipeline (spec 004's PUT bookings/{id}/status). Forward and skipping ahead
 * are open to every CRM caller; back to an earlier stage only to a manager or admin. The booking's row
 * is locked for the move, so concurrent moves apply one after the other and each is one history row.
 * Setting the stage it already has changes nothing and records nothing.
 */
export async function changeCrmStatus(
  req: PayloadRequest,
  caller: CrmCaller,
  target: { bookingId: number; source?: CrmSource },
  change: { crmStatus: CrmStage; notes?: string | null },
): Promise<StageMove> {
  return withTransaction(req, async () => {
    const booking = await lockCrmBooking(req, target.bookingId, target.source)
    if (!booking) throw new NotFoundError('Booking not found')
    if (caller.kind === 'facilitator') throw new ForbiddenError('Only staff and the booking service move bookings between stages.')
    const from = booking.crmStatus
    const to = change.crmStatus
    if (isBackwardMove(from, to) && caller.kind !== 'staff') {
      throw new ForbiddenError(`Moving a booking back from ${from} to ${to} needs a manager or admin.`)
    }
    if (from === to) return { bookingId: booking.bookingId, oldStatus: from, newStatus: to, updatedAt: new Date() }
    const updatedAt = await setCrmStage(req, booking.id, to)
    await insertStageChange(req, {
      crmBookingId: booking.id,
      from,
      to,
      actor: caller.kind === 'staff' ? 'staff' : 'service',
      byUserId: caller.kind === 'staff' ? caller.user.id : null,
      at: updatedAt,
      notes: change.notes ?? null,
    })
    return { bookingId: booking.bookingId, oldStatus: from, newStatus: to, updatedAt }
  })
}
