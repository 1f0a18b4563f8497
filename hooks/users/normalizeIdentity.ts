import type { CollectionBeforeValidateHook } from 'payload'
import { normalizePhone, normalizeUsername } from '../../src/lib/validation/identity.ts'

/** Stores identifiers in one canonical form (so uniqueness holds across spellings) and fills full_name. */
export const normalizeIdentity: CollectionBeforeValidateHook = ({ data, originalDoc }) => {
  if (!data) return data
  if (typeof data.phone === 'string') data.phone = data.phone.trim() ? normalizePhone(data.phone) : null
  if (typeof data.username === 'string') data.username = data.username.trim() ? normalizeUsername(data.username) : null
  if (typeof data.email === 'string') data.email = data.email.trim().toLowerCase() || null
  const first = data.first_name ?? originalDoc?.first_name
  const last = data.last_name ?? originalDoc?.last_name
  if (!data.full_name && !originalDoc?.full_name && (first || last)) data.full_name = [first, last].filter(Boolean).join(' ')
  return data
}
