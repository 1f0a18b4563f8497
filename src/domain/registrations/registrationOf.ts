import type { PayloadRequest } from 'payload'
import type { Registration } from '../../payload-types.ts'

/** The caller's most recent registration (any status) for an event, or null. */
export async function registrationOf(
  req: PayloadRequest,
  eventId: number,
  userId: number,
  statuses?: Registration['status'][],
): Promise<Registration | null> {
  const { docs } = await req.payload.find({
    collection: 'registrations',
    where: { and: [{ event: { equals: eventId } }, { user: { equals: userId } }, ...(statuses ? [{ status: { in: statuses } }] : [])] },
    sort: '-id',
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: false,
    req,
  })
  return docs[0] ?? null
}
