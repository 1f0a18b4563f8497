/** A match's answer from the matched user (spec 001). */
export const MATCH_STATUSES = ['pending', 'accepted', 'declined'] as const
export type MatchStatus = (typeof MATCH_STATUSES)[number]

/** What the matched user may answer: a pending match only, once. */
export const MATCH_ANSWERS = ['accepted', 'declined'] as const satisfies readonly MatchStatus[]
