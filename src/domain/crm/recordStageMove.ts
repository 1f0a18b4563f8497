import type { PayloadRequest } from 'payload'
import { insertStageChange } from './crmRecords.ts'
import type { CrmStage } from './statuses.ts'

/** A stage move staff made in the admin panel (the collection's update already wrote the stage). */
export async function recordStageMove(
  req: PayloadRequest,
  move: { crmBookingId: number; from: CrmStage; to: CrmStage; byUserId: number | null },
): Promise<void> {
  await insertStageChange(req, { ...move, actor: 'staff' })
}
