import { openSharedResource, type SharedResource } from '../../../src/domain/collab/openSharedResource.ts'
import { shareResource } from '../../../src/domain/collab/shareResource.ts'
import { updateSharedItem } from '../../../src/domain/collab/updateSharedItem.ts'
import { listShares } from '../../../src/domain/sharing/listShares.ts'
import { revokeShare } from '../../../src/domain/sharing/revokeShare.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { serializeFile } from '../files/serialize.ts'
import { ItemOut, UpdateItemBody } from '../items/schemas.ts'
import { serializeItem } from '../items/serialize.ts'
import { serializeMedia } from '../media/serialize.ts'
import { ListSharesQuery, ShareBody, ShareCreatedOut, ShareIdParams, ShareOut, SharedResourceOut, ShareTokenParams } from './schemas.ts'
import { serializeCreatedShare, serializeShare, serializeShareFields } from './serialize.ts'

/** spec 003's share links: unguessable tokens (stored hashed) that expire and can be revoked, to the second. */
export const collabRoutes = v1Router('/collab')

collabRoutes.post(
  '/share',
  {
    summary: 'Shares an item, media or file with one user or with anyone holding the link',
    auth: 'user',
    body: ShareBody,
    responses: { 201: ShareCreatedOut, 404: "Not one of the caller's resources, or no such user" },
  },
  async ({ req, body }) => {
    const { share, token } = await shareResource(req, {
      resourceType: body.resource_type,
      resourceId: body.resource_id,
      sharedWithId: body.shared_with_user_id,
      permission: body.permission,
      expiresInDays: body.expires_in_days,
    })
    return { status: 201, body: serializeCreatedShare(share, token) }
  },
)

collabRoutes.get(
  '/shared',
  {
    summary: 'The shares the caller made (active, expired and revoked)',
    auth: 'user',
    query: ListSharesQuery,
    responses: { 200: ShareOut.array() },
  },
  async ({ req, user, query }) => {
    const shares = await listShares(req, Number(user.id), { type: query.resource_type, offset: query.skip, limit: query.limit })
    return { body: shares.map(serializeShare) }
  },
)

collabRoutes.delete(
  '/shared/:share_id',
  {
    summary: 'Revokes a share: its link answers 410 from now on',
    auth: 'user',
    params: ShareIdParams,
    responses: { 204: 'Revoked', 404: "Not one of the caller's shares" },
  },
  async ({ req, user, params }) => {
    await revokeShare(req, user, params.share_id)
    return { status: 204 }
  },
)

collabRoutes.get(
  '/shared/:share_token',
  {
    summary: 'Opens a share link (no sign-in needed)',
    auth: 'optional',
    params: ShareTokenParams,
    responses: { 200: SharedResourceOut, 404: 'Unknown link', 410: 'Revoked or expired' },
  },
  async ({ req, params }) => ({ body: serializeShared(await openSharedResource(req, params.share_token), params.share_token) }),
)

collabRoutes.put(
  '/shared/:share_token',
  {
    summary: 'Updates the item behind an edit link (its target user)',
    auth: 'user',
    params: ShareTokenParams,
    body: UpdateItemBody,
    responses: { 200: ItemOut, 403: 'A view link, or meant for another user', 410: 'Revoked or expired' },
  },
  async ({ req, params, body }) => ({ body: serializeItem(await updateSharedItem(req, params.share_token, body)) }),
)

/** The resource behind a link; its stream or download URL carries the token, so it works without signing in. */
function serializeShared(shared: SharedResource, token: string) {
  const share = serializeShareFields(shared.share)
  const withToken = (url: string) => `${url}?share_token=${encodeURIComponent(token)}`
  if (shared.type === 'item') return { share, resource_type: shared.type, resource: serializeItem(shared.item) }
  if (shared.type === 'media') {
    const media = serializeMedia(shared.media)
    return { share, resource_type: shared.type, resource: { ...media, stream_url: withToken(media.stream_url) } }
  }
  const file = serializeFile(shared.file)
  return { share, resource_type: shared.type, resource: { ...file, download_url: withToken(file.download_url) } }
}
