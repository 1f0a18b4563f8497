import type { CollectionSlug, DataFromCollectionSlug, PayloadRequest } from 'payload'

/**
 * A document read by the system in req's transaction, without access checks: for code that has already
 * decided the caller's right (or acts for nobody: jobs, webhooks). 404 (Payload's NotFound) if it is gone.
 */
export async function readAsSystem<S extends CollectionSlug>(
  req: PayloadRequest,
  collection: S,
  id: number,
): Promise<DataFromCollectionSlug<S>> {
  return req.payload.findByID({ collection, id, depth: 0, overrideAccess: true, req }) as Promise<DataFromCollectionSlug<S>>
}

/** readAsSystem, or null when there is no such document. */
export function findAsSystem<S extends CollectionSlug>(req: PayloadRequest, collection: S, id: number) {
  return findOrNull(req, collection, id, true)
}

/** A document as req's user may read it (the collection's access applies), or null when absent or not theirs. */
export function findAsCaller<S extends CollectionSlug>(req: PayloadRequest, collection: S, id: number) {
  return findOrNull(req, collection, id, false)
}

async function findOrNull<S extends CollectionSlug>(
  req: PayloadRequest,
  collection: S,
  id: number,
  overrideAccess: boolean,
): Promise<DataFromCollectionSlug<S> | null> {
  const doc = await req.payload.findByID({ collection, id, depth: 0, overrideAccess, req, disableErrors: true })
  return (doc ?? null) as DataFromCollectionSlug<S> | null
}
