import type { PayloadRequest, Where } from 'payload'
import { AppError } from '../../lib/errors.ts'

type Identifiers = { email?: string | null; username?: string | null; phone?: string | null }

/**
 * Names each identifier already taken, for a precise 409 ({errors: {email: [...]}}). The unique indexes
 * still decide races between concurrent sign-ups; this only words the common case well.
 */
export async function assertIdentifiersFree(req: PayloadRequest, identifiers: Identifiers, exceptUserId?: number): Promise<void> {
  const or: Where[] = Object.entries(identifiers)
    .filter(([, value]) => Boolean(value))
    .map(([field, value]) => ({ [field]: { equals: value } }))
  if (or.length === 0) return
  const { docs } = await req.payload.find({
    collection: 'users',
    where: exceptUserId ? { and: [{ or }, { id: { not_equals: exceptUserId } }] } : { or },
    limit: 3,
    depth: 0,
    pagination: false,
    // overrideAccess: uniqueness is checked against every account, not only those the caller may read.
    overrideAccess: true,
    req,
  })
  const fields: Record<string, string[]> = {}
  for (const field of ['email', 'username', 'phone'] as const) {
    const value = identifiers[field]
    if (value && docs.some((doc) => doc[field] === value)) fields[field] = [`A user with this ${field} already exists.`]
  }
  if (Object.keys(fields).length > 0)
    throw new AppError(`A user with this ${Object.keys(fields).join(' and ')} already exists.`, 409, fields)
}
