import type { PayloadRequest } from 'payload'
import type { Media } from '../../payload-types.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { findAsSystem } from '../../lib/readAsSystem.ts'
import { shareGrant } from '../sharing/shareGrant.ts'

/**
 * A media record the caller may read: their own (staff: any) through the collection's access, else one
 * shared with them by link token or to their account. 404 otherwise (410 for a revoked or expired link).
 */
export async function findMedia(req: PayloadRequest, id: number, { shareToken }: { shareToken?: string } = {}): Promise<Media> {
  const own = await req.payload.findByID({ collection: 'media', id, depth: 0, overrideAccess: false, req, disableErrors: true })
  if (own && !shareToken) return own
  const userId = req.user ? Number(req.user.id) : undefined
  const permission = await shareGrant(req, { type: 'media', id }, { token: shareToken, userId })
  if (own) return own
  if (!permission) throw new NotFoundError('Media not found.')
  // overrideAccess: the share grant above is what allows this caller to read the media.
  const shared = await findAsSystem(req, 'media', id)
  if (!shared) throw new NotFoundError('Media not found.')
  return shared
}

/** Own media only (staff: any): transcoding and deleting are not given by a share. */
export async function findOwnMedia(req: PayloadRequest, id: number): Promise<Media> {
  const own = await req.payload.findByID({ collection: 'media', id, depth: 0, overrideAccess: false, req, disableErrors: true })
  if (!own) throw new NotFoundError('Media not found.')
  return own
}
