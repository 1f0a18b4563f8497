import type { PayloadRequest } from 'payload'
import type { Media } from '../../payload-types.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { findOwnOrShared } from '../sharing/findOwnOrShared.ts'

/**
 * A media record the caller may read: their own (staff: any) through the collection's access, else one
 * shared with them by link token or to their account. 404 otherwise (410 for a revoked or expired link).
 */
export async function findMedia(req: PayloadRequest, id: number, { shareToken }: { shareToken?: string } = {}): Promise<Media> {
  return (await findOwnOrShared(req, 'media', { type: 'media', id }, { shareToken, notFound: 'Media not found.' })).doc
}

/** Own media only (staff: any): transcoding and deleting are not given by a share. */
export async function findOwnMedia(req: PayloadRequest, id: number): Promise<Media> {
  const own = await req.payload.findByID({ collection: 'media', id, depth: 0, overrideAccess: false, req, disableErrors: true })
  if (!own) throw new NotFoundError('Media not found.')
  return own
}
