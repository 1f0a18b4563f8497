import type { PayloadRequest } from 'payload'
import { withTransaction } from '../../lib/transaction.ts'
import { seedPreferences, updateChannelSwitches, type ChannelSwitches } from './notificationRecords.ts'
import { assertMayUse, readPreferences, type PreferenceCaller } from './preferences.ts'

/** Changes the caller's channel switches (in-app, email, push); the ones not given stay as they are. */
export async function updatePreferences(req: PayloadRequest, caller: PreferenceCaller, changes: ChannelSwitches) {
  assertMayUse(caller)
  return withTransaction(req, async () => {
    await seedPreferences(req, caller.id)
    await updateChannelSwitches(req, caller.id, changes)
    return readPreferences(req, caller.id)
  })
}
