import type { CollectionSlug, PayloadRequest } from 'payload'

/**
 * Whether req's user may read the media or file `id` (the content area's access decides). A request
 * without a user is the system (migrations, seeds), which may attach anything that exists.
 */
export async function uploadVisibleTo(req: PayloadRequest, collection: CollectionSlug, id: number): Promise<boolean> {
  const doc = await req.payload.findByID({ collection, id, depth: 0, overrideAccess: !req.user, req, disableErrors: true, select: {} })
  return Boolean(doc)
}
