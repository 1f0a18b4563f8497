import type { PayloadRequest } from 'payload'
import type { Facilitator } from '../../payload-types.ts'

/** Facilitators by id in one query (for lists of events). */
export async function facilitatorsByIds(req: PayloadRequest, ids: (number | null | undefined)[]): Promise<Map<number, Facilitator>> {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))]
  if (wanted.length === 0) return new Map()
  const { docs } = await req.payload.find({
    collection: 'facilitators',
    where: { id: { in: wanted } },
    limit: wanted.length,
    depth: 0,
    pagination: false,
    // overrideAccess: an event's facilitator name and bio are part of the (public) event.
    overrideAccess: true,
    req,
  })
  return new Map(docs.map((doc) => [doc.id, doc]))
}
