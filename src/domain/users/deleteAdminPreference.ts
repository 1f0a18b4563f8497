import type { PayloadRequest } from 'payload'
import type { PayloadPreference, User } from '../../payload-types.ts'
import { NotFoundError } from '../../lib/errors.ts'

/**
 * Deletes one of the caller's admin-panel preferences (Payload's `payload-preferences`, by key). Payload's
 * own route fails on every key (its single-row delete cannot join the polymorphic `user` relation), so
 * this goes through a bulk delete, which can, under the collection's own access (the caller's rows only).
 */
export async function deleteAdminPreference(req: PayloadRequest, user: User, key: string): Promise<PayloadPreference> {
  const { docs } = await req.payload.delete({
    collection: 'payload-preferences',
    where: { and: [{ key: { equals: key } }, { 'user.value': { equals: user.id } }, { 'user.relationTo': { equals: 'users' } }] },
    overrideAccess: false,
    user,
    req,
    depth: 0,
  })
  if (!docs[0]) throw new NotFoundError('Not Found')
  return docs[0]
}
