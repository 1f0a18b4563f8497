import type { PayloadRequest } from 'payload'
import { findOwnFile } from '../files/findFile.ts'
import { findItem } from '../items/findItem.ts'
import { findOwnMedia } from '../media/findMedia.ts'
import { BadRequestError, NotFoundError } from '../../lib/errors.ts'
import { findAsSystem } from '../../lib/readAsSystem.ts'
import { createShare, type ShareInput } from '../sharing/createShare.ts'
import type { ShareRow } from '../sharing/shareRecords.ts'
import type { ShareResourceType } from '../sharing/statuses.ts'

/**
 * Shares one of the caller's items, media or files (staff: anyone's): with one user, or with anyone
 * holding the link. 404 for a resource that is not theirs, so a share never reveals another user's content.
 */
export async function shareResource(req: PayloadRequest, input: Omit<ShareInput, 'ownerId'>): Promise<{ share: ShareRow; token: string }> {
  const ownerId = await ownerOf(req, input.resourceType, input.resourceId)
  if (input.sharedWithId !== null) {
    if (input.sharedWithId === ownerId) throw new BadRequestError('This is already yours; share it with someone else.')
    if (!(await findAsSystem(req, 'users', input.sharedWithId))) throw new NotFoundError('No such user to share with.')
  }
  return createShare(req, { ...input, ownerId })
}

/** The owner of a resource the caller owns (or, for staff, any); 404 otherwise. */
async function ownerOf(req: PayloadRequest, type: ShareResourceType, id: number): Promise<number> {
  if (type === 'item') {
    const { item, permission } = await findItem(req, id)
    if (permission !== 'own') throw new NotFoundError('Item not found.')
    return typeof item.user === 'number' ? item.user : item.user.id
  }
  const doc = type === 'media' ? await findOwnMedia(req, id) : await findOwnFile(req, id)
  return typeof doc.user === 'number' ? doc.user : doc.user.id
}
