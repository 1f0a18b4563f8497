import type { ShareRow } from '../../../src/domain/sharing/shareRecords.ts'
import { config } from '../../../src/lib/config.ts'
import { iso, isoOrNull } from '../../../src/lib/dates.ts'

/** The link that opens a share (GET answers the resource; PUT edits an item with an edit link). */
export const shareUrl = (token: string) => `${config.PUBLIC_URL}/api/v1/collab/shared/${token}`

export function serializeShareFields(share: ShareRow) {
  return {
    id: share.id,
    resource_type: share.resource_type,
    resource_id: share.resource_id,
    permission: share.permission,
    shared_with_user_id: share.shared_with_id,
    expires_at: isoOrNull(share.expires_at),
  }
}

export function serializeCreatedShare(share: ShareRow, token: string) {
  return { ...serializeShareFields(share), share_token: token, share_url: shareUrl(token), created_at: iso(share.created_at) }
}

export function serializeShare(share: ShareRow) {
  const status = share.revoked_at ? 'revoked' : share.active ? 'active' : 'expired'
  return { ...serializeShareFields(share), status, revoked_at: isoOrNull(share.revoked_at), created_at: iso(share.created_at) }
}
