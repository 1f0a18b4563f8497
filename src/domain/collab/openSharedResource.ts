import type { PayloadRequest } from 'payload'
import type { File, Media } from '../../payload-types.ts'
import { getFile } from '../files/getFile.ts'
import { getItem } from '../items/getItem.ts'
import type { ItemView } from '../items/itemView.ts'
import { getMedia } from '../media/getMedia.ts'
import { shareForToken } from '../sharing/shareGrant.ts'
import type { ShareRow } from '../sharing/shareRecords.ts'

export type SharedResource =
  | { share: ShareRow; type: 'item'; item: ItemView }
  | { share: ShareRow; type: 'media'; media: Media }
  | { share: ShareRow; type: 'file'; file: File }

/** What a share link opens, signed in or not: 404 for an unknown token, 410 once revoked or expired. */
export async function openSharedResource(req: PayloadRequest, token: string): Promise<SharedResource> {
  const share = await shareForToken(req, token)
  const options = { shareToken: token }
  switch (share.resource_type) {
    case 'item':
      return { share, type: 'item', item: await getItem(req, share.resource_id, options) }
    case 'media':
      return { share, type: 'media', media: (await getMedia(req, share.resource_id, options)).media }
    case 'file':
      return { share, type: 'file', file: await getFile(req, share.resource_id, options) }
  }
}
