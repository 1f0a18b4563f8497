import type { DataFromCollectionSlug, PayloadRequest } from 'payload'
import { NotFoundError } from '../../lib/errors.ts'
import { findAsSystem } from '../../lib/readAsSystem.ts'
import { shareGrant, type ResourceRef } from './shareGrant.ts'
import type { SharePermission } from './statuses.ts'

/**
 * A shareable document the caller may read: their own (staff: any) through the collection's access, else
 * one shared with them by link token or to their account. `notFound` (404) otherwise, so other users'
 * content stays invisible; 410 for a revoked or expired link (checked even for the owner's own token).
 */
export async function findOwnOrShared<S extends 'items' | 'media' | 'files'>(
  req: PayloadRequest,
  collection: S,
  ref: ResourceRef,
  { shareToken, notFound }: { shareToken?: string; notFound: string },
): Promise<{ doc: DataFromCollectionSlug<S>; permission: 'own' | SharePermission }> {
  const own = await req.payload.findByID({ collection, id: ref.id, depth: 0, overrideAccess: false, req, disableErrors: true })
  if (own && !shareToken) return { doc: own, permission: 'own' }
  const userId = req.user ? Number(req.user.id) : undefined
  const permission = await shareGrant(req, ref, { token: shareToken, userId })
  if (own) return { doc: own, permission: 'own' }
  if (!permission) throw new NotFoundError(notFound)
  // overrideAccess: the share grant above is what allows this caller to read the document.
  const shared = await findAsSystem(req, collection, ref.id)
  if (!shared) throw new NotFoundError(notFound)
  return { doc: shared, permission }
}
