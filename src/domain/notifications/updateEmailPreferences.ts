import type { PayloadRequest } from 'payload'
import { RequestValidationError } from '../../lib/errors.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { seedPreferences, setEmailEnabled } from './notificationRecords.ts'
import { readPreferences } from './preferences.ts'

export type EmailChoice = { typeId: number; enabled: boolean }

/** Spec 002's email preferences: turns email on or off per type, all or nothing (an unknown type id is a 400). */
export async function updateEmailPreferences(req: PayloadRequest, userId: number, choices: EmailChoice[]) {
  return withTransaction(req, async () => {
    await seedPreferences(req, userId)
    const known = new Set(await setEmailEnabled(req, userId, choices))
    const unknown = choices.filter((choice) => !known.has(choice.typeId)).map((choice) => choice.typeId)
    if (unknown.length > 0)
      throw new RequestValidationError({ types_enabled: unknown.map((id) => `Notification type ${id} does not exist.`) })
    return readPreferences(req, userId)
  })
}
