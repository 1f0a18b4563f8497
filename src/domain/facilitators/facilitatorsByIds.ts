import type { Payload } from 'payload'
import { poolOf } from '../../lib/db/pool.ts'

export type FacilitatorSummary = { id: number; name: string; bio: string | null }

/** The facilitators of a page of events, in one query (their name and bio are part of the public event). */
export async function facilitatorsByIds(payload: Payload, ids: (number | null | undefined)[]): Promise<Map<number, FacilitatorSummary>> {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))]
  if (wanted.length === 0) return new Map()
  const { rows } = await poolOf(payload).query<FacilitatorSummary>('SELECT id, name, bio FROM facilitators WHERE id = ANY($1::int[])', [
    wanted,
  ])
  return new Map(rows.map((row) => [row.id, row]))
}
