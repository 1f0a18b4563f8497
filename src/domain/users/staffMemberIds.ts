import type { Payload } from 'payload'
import { STAFF_ROLES } from '../../access/roles.ts'

/** Ids of every active manager and admin (recipients of staff digests). */
export async function staffMemberIds(payload: Payload): Promise<number[]> {
  const { docs } = await payload.find({
    collection: 'users',
    where: { and: [{ roles: { in: [...STAFF_ROLES] } }, { is_active: { not_equals: false } }] },
    select: {},
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return docs.map((user) => user.id)
}
