import type { PayloadRequest } from 'payload'
import { prefixTsquery, type SearchHit } from '../../lib/db/fullText.ts'
import { searchFiles } from '../files/searchFiles.ts'
import { searchItems } from '../items/searchItems.ts'
import { searchMedia } from '../media/searchMedia.ts'

export type SearchType = SearchHit['type']

const SEARCHERS = { item: searchItems, media: searchMedia, file: searchFiles } as const

/**
 * spec 003's search across the caller's items, media and files and what others share with them:
 * Postgres full-text search with prefix matching on the last word, ranked with title matches first,
 * best `limit` overall.
 */
export async function searchContent(
  req: PayloadRequest,
  userId: number,
  query: { q: string; type?: SearchType; limit: number },
): Promise<SearchHit[]> {
  const tsquery = prefixTsquery(query.q)
  if (!tsquery) return []
  const types = query.type ? [query.type] : (Object.keys(SEARCHERS) as SearchType[])
  const found = await Promise.all(types.map((type) => SEARCHERS[type](req, userId, tsquery, query.limit)))
  return found
    .flat()
    .sort((a, b) => b.score - a.score || new Date(b.created_at).getTime() - new Date(a.created_at).getTime())
    .slice(0, query.limit)
}
