import type { PayloadRequest } from 'payload'
import { normalizePhone, normalizeUsername } from '../../lib/validation/identity.ts'
import { findUserWithPassword, type SignInIdentifier, type UserWithPassword } from './userRecords.ts'

/** The user signing in with an email, a phone number or a username (whichever the identifier looks like). */
export async function findUserByIdentifier(req: PayloadRequest, identifier: string): Promise<UserWithPassword | null> {
  const value = identifier.trim()
  if (!value) return null
  return findUserWithPassword(req, identifierOf(value))
}

function identifierOf(value: string): SignInIdentifier {
  if (value.includes('@')) return { column: 'email', value: value.toLowerCase() }
  if (/^\+?[\d\s().-]{7,}$/.test(value)) return { column: 'phone', value: normalizePhone(value) }
  return { column: 'username', value: normalizeUsername(value) }
}
