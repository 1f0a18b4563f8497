import type { PayloadRequest } from 'payload'
import { extractID } from 'payload/shared'
import { personCardLookup } from '../../../src/domain/friends/personCards.ts'
import type { Match } from '../../../src/payload-types.ts'
import { iso, isoOrNull } from '../../../src/lib/dates.ts'

/** Spec 001's match: the friend as {id, name, avatar} (the user likewise, for the friend's and staff's views). */
export async function serializeMatches(req: PayloadRequest, matches: Match[]) {
  const card = await personCardLookup(
    req,
    matches.flatMap((match) => [extractID(match.user), extractID(match.friend)]),
  )
  return matches.map((match) => ({
    id: match.id,
    user: card(extractID(match.user)),
    friend: card(extractID(match.friend)),
    compatibility_score: match.compatibility_score,
    status: match.status,
    created_at: iso(match.createdAt),
    responded_at: isoOrNull(match.responded_at),
  }))
}

export async function serializeMatch(req: PayloadRequest, match: Match) {
  const [view] = await serializeMatches(req, [match])
  return view
}
