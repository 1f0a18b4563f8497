import { ValidationError, type CollectionBeforeValidateHook } from 'payload'
import { normalizePhone, normalizeUsername } from '../../src/lib/validation/identity.ts'

const IDENTIFIERS = ['email', 'username', 'phone'] as const

/**
 * Stores identifiers in one canonical form (so uniqueness holds across spellings) and fills full_name.
 * It also keeps Payload's rule that an account has an email or a username to sign in with (Payload checks
 * it only while its local strategy is on).
 */
export const normalizeIdentity: CollectionBeforeValidateHook = ({ data, operation, originalDoc }) => {
  if (!data) return data
  const wrongType = IDENTIFIERS.filter((name) => data[name] !== undefined && data[name] !== null && typeof data[name] !== 'string')
  if (wrongType.length > 0) {
    throw new ValidationError({ collection: 'users', errors: wrongType.map((path) => ({ path, message: 'Enter this as text.' })) })
  }
  if (typeof data.phone === 'string') data.phone = data.phone.trim() ? normalizePhone(data.phone) : null
  if (typeof data.username === 'string') data.username = data.username.trim() ? normalizeUsername(data.username) : null
  if (typeof data.email === 'string') data.email = data.email.trim().toLowerCase() || null
  const email = 'email' in data ? data.email : originalDoc?.email
  const username = 'username' in data ? data.username : originalDoc?.username
  if (!email && !username && (operation === 'create' || 'email' in data || 'username' in data)) {
    const message = 'Username or email is required'
    throw new ValidationError({
      collection: 'users',
      errors: [
        { path: 'username', message },
        { path: 'email', message },
      ],
    })
  }
  const first = data.first_name ?? originalDoc?.first_name
  const last = data.last_name ?? originalDoc?.last_name
  if (!data.full_name && !originalDoc?.full_name && (first || last)) data.full_name = [first, last].filter(Boolean).join(' ')
  return data
}
