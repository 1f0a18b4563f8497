import type { PayloadRequest } from 'payload'
import { withTransaction } from '../../lib/transaction.ts'
import { seedPreferences } from './notificationRecords.ts'
import { assertMayUse, readPreferences, type PreferenceCaller } from './preferences.ts'

/** The caller's notification preferences, created with defaults (and a row per active type) on first read. */
export async function getPreferences(req: PayloadRequest, caller: PreferenceCaller) {
  assertMayUse(caller)
  return withTransaction(req, async () => {
    await seedPreferences(req, caller.id)
    return readPreferences(req, caller.id)
  })
}
