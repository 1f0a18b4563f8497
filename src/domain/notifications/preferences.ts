import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { hasRole } from '../../access/hasRole.ts'
import type { Role } from '../../access/roles.ts'
import { firstRow } from '../../lib/db/sql.ts'
import { ForbiddenError } from '../../lib/errors.ts'
import { txDb } from '../../lib/transaction.ts'
import type { NotificationFrequency } from './statuses.ts'

export type PreferencesRow = {
  user_id: number
  enable_in_app: boolean
  enable_email: boolean
  enable_push: boolean
  created_at: string | Date
  updated_at: string | Date
}

export type TypePreferenceRow = {
  id: number
  frequency: NotificationFrequency
  email_enabled: boolean
  created_at: string | Date
  updated_at: string | Date
  type_id: number
  type_code: string
  type_name: string
  type_description: string | null
  type_is_active: boolean
}

/** Who asks: preferences are always the caller's own; spec 002's startup routes also need the Startup role. */
export type PreferenceCaller = { id: number; roles?: readonly string[] | null; requiredRole?: Role }

export function assertMayUse(caller: PreferenceCaller): void {
  if (caller.requiredRole && !hasRole(caller, caller.requiredRole))
    throw new ForbiddenError(`This action requires the ${caller.requiredRole === 'startup' ? 'Startup' : caller.requiredRole} role.`)
}

const TYPE_PREFERENCE_COLUMNS = sql.raw(`p.id, p.frequency, p.email_enabled, p.created_at, p.updated_at,
  t.id AS type_id, t.code AS type_code, t.name AS type_name, t.description AS type_description, t.is_active AS type_is_active`)

/** The user's channel switches and their preference per active type (by type id), as stored. */
export async function readPreferences(
  req: PayloadRequest,
  userId: number,
): Promise<{ preferences: PreferencesRow; types: TypePreferenceRow[] }> {
  const db = await txDb(req)
  const [preferences, types] = await Promise.all([
    db.execute(
      sql`SELECT user_id, enable_in_app, enable_email, enable_push, created_at, updated_at FROM notification_preferences WHERE user_id = ${userId}`,
    ),
    db.execute(sql`
      SELECT ${TYPE_PREFERENCE_COLUMNS} FROM notification_type_preferences p JOIN notification_types t ON t.id = p.notification_type_id
      WHERE p.user_id = ${userId} AND t.is_active ORDER BY t.id`),
  ])
  return { preferences: preferences.rows[0] as PreferencesRow, types: types.rows as TypePreferenceRow[] }
}

/** One of the user's type preferences by type id, or undefined. */
export async function readTypePreference(req: PayloadRequest, userId: number, typeId: number): Promise<TypePreferenceRow | undefined> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    SELECT ${TYPE_PREFERENCE_COLUMNS} FROM notification_type_preferences p JOIN notification_types t ON t.id = p.notification_type_id
    WHERE p.user_id = ${userId} AND t.id = ${typeId}`)
  return firstRow<TypePreferenceRow>(result)
}
