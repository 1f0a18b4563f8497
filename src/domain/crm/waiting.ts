import { CRM_WAITING_HOURS, type CrmStage } from './statuses.ts'

/** The moment before which a booking still `new` has waited too long. */
export const waitingSince = (now: Date): Date => new Date(now.getTime() - CRM_WAITING_HOURS * 3_600_000)

/** Still new more than CRM_WAITING_HOURS after it arrived: flagged in the admin and listed in the daily digest. */
export function isWaitingTooLong(booking: { crm_status?: CrmStage | null; received_at?: string | Date | null }, now: Date): boolean {
  return booking.crm_status === 'new' && !!booking.received_at && new Date(booking.received_at) < waitingSince(now)
}
