import type { PayloadRequest } from 'payload'
import type { Media } from '../../payload-types.ts'
import { offsetPage } from '../../lib/db/offsetPage.ts'

/** The user's media, newest first (skip/limit). */
export async function listMedia(req: PayloadRequest, ownerId: number, page: { offset: number; limit: number }): Promise<Media[]> {
  return offsetPage(req, 'media', { table: 'media', ownerId, ...page })
}
