import { iso } from '../../../src/lib/dates.ts'
import type { PreferencesRow, TypePreferenceRow } from '../../../src/domain/notifications/preferences.ts'

export { notificationView as serializeNotification } from '../../../src/domain/notifications/notificationView.ts'

/** Spec 002's email preferences: every active type and whether the caller gets it by email. */
export function serializeEmailPreferences({ preferences, types }: { preferences: PreferencesRow; types: TypePreferenceRow[] }) {
  return {
    user_id: preferences.user_id,
    types_enabled: types.map((row) => ({
      notification_type: { id: row.type_id, code: row.type_code, name: row.type_name, description: row.type_description ?? '' },
      enabled: row.email_enabled,
    })),
    created_at: iso(preferences.created_at),
    updated_at: iso(latest([preferences.updated_at, ...types.map((row) => row.updated_at)])),
  }
}

/** The later of the row's and its type rows' updated_at: a PATCH of one type is a change of the preferences. */
export function latest(dates: (string | Date)[]): Date {
  return new Date(Math.max(...dates.map((date) => new Date(date).getTime())))
}
