import { searchContent } from '../../../src/domain/search/searchContent.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { iso } from '../../../src/lib/dates.ts'
import { SearchHitOut, SearchQuery } from './schemas.ts'

/** spec 003's search over the caller's content and what is shared with them. */
export const searchRoutes = v1Router('/search')

searchRoutes.get(
  '/',
  {
    summary: "Full-text search of the caller's items, media and files (and those shared with them)",
    description: 'Every word must match, the last one also as a prefix; title matches rank first; `snippet` is HTML with <mark>.',
    auth: 'user',
    query: SearchQuery,
    responses: { 200: SearchHitOut.array() },
  },
  async ({ req, user, query }) => {
    const hits = await searchContent(req, Number(user.id), query)
    return {
      body: hits.map((hit) => ({
        id: hit.id,
        type: hit.type,
        title: hit.title,
        description: hit.description,
        created_at: iso(hit.created_at),
        score: Math.round(hit.score * 10_000) / 10_000,
        snippet: hit.snippet,
      })),
    }
  },
)
