import { createLocalReq, type Payload } from 'payload'
import { withTransaction } from '../../lib/transaction.ts'
import { deleteExpired } from './notificationRecords.ts'

const PURGE_BATCH = 5000

/** Deletes every notification that expired before `now` (already hidden from the inbox), in short batches; returns how many. */
export async function purgeExpiredNotifications(payload: Payload, now: Date): Promise<number> {
  let purged = 0
  for (;;) {
    const req = await createLocalReq({}, payload)
    const deleted = await withTransaction(req, () => deleteExpired(req, now, PURGE_BATCH))
    purged += deleted
    if (deleted < PURGE_BATCH) return purged
  }
}
