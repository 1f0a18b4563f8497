import type { PreferencesRow, TypePreferenceRow } from '../../../src/domain/notifications/preferences.ts'
import { typeView } from '../../../src/domain/notifications/notificationView.ts'
import { iso } from '../../../src/lib/dates.ts'
import { escapeHtml } from '../../../src/domain/notifications/emailTemplates.ts'
import { latest } from '../communications/serialize.ts'

export function serializeTypePreference(row: TypePreferenceRow) {
  return {
    id: row.id,
    notification_type: typeView(row),
    frequency: row.frequency,
    email_enabled: row.email_enabled,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  }
}

/** Spec 002's preferences body: the channel switches and one entry per active type. */
export function serializePreferences({ preferences, types }: { preferences: PreferencesRow; types: TypePreferenceRow[] }) {
  return {
    user_id: preferences.user_id,
    enable_in_app: preferences.enable_in_app,
    enable_email: preferences.enable_email,
    enable_push: preferences.enable_push,
    type_preferences: types.map(serializeTypePreference),
    created_at: iso(preferences.created_at),
    updated_at: iso(latest([preferences.updated_at, ...types.map((row) => row.updated_at)])),
  }
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
  `<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`

const list = (names: string[]) => names.map((name) => `<strong>${escapeHtml(name)}</strong>`).join(', ')

/** GET of an unsubscribe link: asks, changes nothing (mail scanners follow links). The button POSTs to the same URL. */
export const unsubscribeConfirmPage = (names: string[], action: string) =>
  page(
    'Unsubscribe?',
    `<p>Stop emails about ${list(names)}? You will still see these notifications in the app.</p>` +
      `<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click">` +
      `<button type="submit">Unsubscribe</button></form>`,
  )

export const unsubscribedPage = (names: string[]) =>
  page(
    'Unsubscribed',
    `<p>You will no longer get emails about ${list(names)}. You can turn them back on in your notification settings.</p>`,
  )

export const invalidLinkPage = () =>
  page('Link not valid', '<p>This unsubscribe link is not valid. Change your email settings in the app instead.</p>')
