/**
 * Compatibility score of a user and a friend, 0-100, from both people's `personality_data`:
 *
 * - shared interests, 50 points: the Jaccard similarity of the two `interests` lists (case and spacing
 *   ignored) times 50; disjoint lists score 0, identical ones 50;
 * - communication style, 25 points: the same `communication_style` 25, different ones 0;
 * - availability overlap, 25 points: the Jaccard similarity of the two `availability` lists (e.g.
 *   ["mornings", "weekends"]) times 25.
 *
 * Where either person left a part out, that part scores a neutral 40% of its weight, so a known overlap
 * always ranks above the unknown and the unknown above a known mismatch. The sum is rounded.
 */
const SCORE_WEIGHTS = { interests: 50, communication_style: 25, availability: 25 } as const
const UNKNOWN_SHARE = 0.4

export type PersonalityData = { interests?: unknown; communication_style?: unknown; availability?: unknown }

export function compatibilityScore(user: unknown, friend: unknown): number {
  const a = asPersonality(user)
  const b = asPersonality(friend)
  const interests = overlapPart(words(a.interests), words(b.interests), SCORE_WEIGHTS.interests)
  const style = stylePart(word(a.communication_style), word(b.communication_style))
  const availability = overlapPart(words(a.availability), words(b.availability), SCORE_WEIGHTS.availability)
  return Math.max(0, Math.min(100, Math.round(interests + style + availability)))
}

function overlapPart(a: Set<string> | null, b: Set<string> | null, weight: number): number {
  if (!a || !b) return weight * UNKNOWN_SHARE
  const shared = [...a].filter((value) => b.has(value)).length
  const union = new Set([...a, ...b]).size
  return (shared / union) * weight
}

function stylePart(a: string | null, b: string | null): number {
  if (!a || !b) return SCORE_WEIGHTS.communication_style * UNKNOWN_SHARE
  return a === b ? SCORE_WEIGHTS.communication_style : 0
}

function asPersonality(value: unknown): PersonalityData {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {}
}

function word(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim().toLowerCase().replace(/\s+/g, ' ') : null
}

/** A non-empty list of words, normalised; anything else is "not given". */
function words(value: unknown): Set<string> | null {
  if (!Array.isArray(value)) return null
  const set = new Set(value.map(word).filter((entry): entry is string => entry !== null))
  return set.size > 0 ? set : null
}
