import type { PayloadRequest } from 'payload'
import { hashToken } from '../auth/tokenHash.ts'
import { AppError, NotFoundError } from '../../lib/errors.ts'
import { permissionForUser, shareByTokenHash, type ShareRow } from './shareRecords.ts'
import type { SharePermission, ShareResourceType } from './statuses.ts'

export type ResourceRef = { type: ShareResourceType; id: number }

/** 410: the link existed and is over. Said at once, by the database clock, at every use. */
export class ShareGoneError extends AppError {
  constructor(share: ShareRow) {
    super(share.revoked_at ? 'This share link has been revoked.' : 'This share link has expired.', 410)
  }
}

/**
 * The active share behind a link token: 404 for an unknown token (or one for another resource when
 * `ref` is given), 410 when it was revoked or has expired.
 */
export async function shareForToken(req: PayloadRequest, token: string, ref?: ResourceRef): Promise<ShareRow> {
  const share = await shareByTokenHash(req, hashToken(token))
  if (!share || (ref && (share.resource_type !== ref.type || share.resource_id !== ref.id))) {
    throw new NotFoundError('Share link not found.')
  }
  if (!share.active) throw new ShareGoneError(share)
  return share
}

/**
 * What someone who is neither owner nor staff may do with a resource: through a link token (view for
 * anyone; edit for the link's target user, or any signed-in user when it has none), or through a share
 * made to their account. Null when nothing was shared with them.
 */
export async function shareGrant(
  req: PayloadRequest,
  ref: ResourceRef,
  { token, userId }: { token?: string; userId?: number },
): Promise<SharePermission | null> {
  if (token) {
    const share = await shareForToken(req, token, ref)
    const mayEdit = share.permission === 'edit' && userId !== undefined && (share.shared_with_id ?? userId) === userId
    return mayEdit ? 'edit' : 'view'
  }
  return userId === undefined ? null : permissionForUser(req, userId, ref.type, ref.id)
}
