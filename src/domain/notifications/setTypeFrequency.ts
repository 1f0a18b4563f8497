import type { PayloadRequest } from 'payload'
import { NotFoundError } from '../../lib/errors.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { seedPreferences, updateTypeFrequency } from './notificationRecords.ts'
import { assertMayUse, readTypePreference, type PreferenceCaller, type TypePreferenceRow } from './preferences.ts'
import type { NotificationFrequency } from './statuses.ts'

/** How often the caller gets one type (spec 002's update_type); 404 for a type that does not exist or is inactive. */
export async function setTypeFrequency(
  req: PayloadRequest,
  caller: PreferenceCaller,
  typeId: number,
  frequency: NotificationFrequency,
): Promise<TypePreferenceRow> {
  assertMayUse(caller)
  return withTransaction(req, async () => {
    await seedPreferences(req, caller.id)
    const updated = await updateTypeFrequency(req, caller.id, typeId, frequency)
    const row = updated === null ? undefined : await readTypePreference(req, caller.id, typeId)
    if (!row || !row.type_is_active) throw new NotFoundError('Notification type preference not found')
    return row
  })
}
