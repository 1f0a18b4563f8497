import type { PayloadRequest } from 'payload'
import type { Recommendation } from '../../lib/db/fullText.ts'
import { recommendFiles } from '../files/recommendFiles.ts'
import { recommendItems } from '../items/recommendItems.ts'
import { recommendMedia } from '../media/recommendMedia.ts'

/**
 * spec 003's recommendations, each with its reason, only from content the caller may open: what others
 * shared with them, items similar to the one they worked on last, and recently published items.
 */
export async function recommend(req: PayloadRequest, userId: number, limit: number): Promise<Recommendation[]> {
  const [items, media, files] = await Promise.all([
    recommendItems(req, userId, limit),
    recommendMedia(req, userId, limit),
    recommendFiles(req, userId, limit),
  ])
  const sharedFirst = (r: Recommendation) => (r.reason === 'Shared with you' ? 0 : 1)
  return [...items, ...media, ...files]
    .sort((a, b) => sharedFirst(a) - sharedFirst(b) || new Date(b.at).getTime() - new Date(a.at).getTime())
    .slice(0, limit)
}
