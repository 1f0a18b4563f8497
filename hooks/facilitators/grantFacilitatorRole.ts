import type { CollectionAfterChangeHook } from 'payload'
import type { Facilitator } from '../../src/payload-types.ts'
import { readAsSystem } from '../../src/lib/readAsSystem.ts'
import { extractID } from 'payload/shared'

/** The user linked to a facilitator profile holds the facilitator role (in the same transaction). */
export const grantFacilitatorRole: CollectionAfterChangeHook<Facilitator> = async ({ doc, req }) => {
  const userId = doc.user ? extractID(doc.user) : undefined
  if (!userId) return doc
  // overrideAccess: the role follows from a profile staff created; the caller need not be an admin.
  const user = await readAsSystem(req, 'users', userId)
  if (user.roles?.includes('facilitator')) return doc
  await req.payload.update({
    collection: 'users',
    id: userId,
    data: { roles: [...(user.roles ?? []), 'facilitator'] },
    overrideAccess: true,
    req,
    depth: 0,
  })
  return doc
}
