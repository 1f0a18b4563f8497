import type { PayloadRequest, Where } from 'payload'
import type { User } from '../../payload-types.ts'
import { normalizePhone, normalizeUsername } from '../../lib/validation/identity.ts'

export type UserWithPassword = User & { hash?: string | null; salt?: string | null }

/** The user signing in with an email, a phone number or a username (whichever the identifier looks like). */
export async function findUserByIdentifier(req: PayloadRequest, identifier: string): Promise<UserWithPassword | null> {
  const value = identifier.trim()
  if (!value) return null
  const where: Where = value.includes('@')
    ? { email: { equals: value.toLowerCase() } }
    : /^\+?[\d\s().-]{7,}$/.test(value)
      ? { phone: { equals: normalizePhone(value) } }
      : { username: { equals: normalizeUsername(value) } }
  const { docs } = await req.payload.find({
    collection: 'users',
    where,
    limit: 1,
    depth: 0,
    pagination: false,
    // overrideAccess + showHiddenFields: the password check needs the stored hash, which no caller may read.
    overrideAccess: true,
    showHiddenFields: true,
    req,
  })
  return (docs[0] as UserWithPassword | undefined) ?? null
}
