import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { sqlList } from '../../lib/db/sql.ts'
import { txDb } from '../../lib/transaction.ts'
import { profilesOf } from '../users/profileOf.ts'

/** How spec 001 shows a person inside a match or a session: `{id, name, avatar}`. */
export type PersonCard = { id: number; name: string; avatar: string | null }

type NameRow = { id: number; first_name: string | null; last_name: string | null; full_name: string | null; username: string | null }

/** A display name that never reveals an email or a phone. */
export function displayName(row: Omit<NameRow, 'id'> & { id: number }): string {
  const joined = [row.first_name, row.last_name].filter(Boolean).join(' ').trim()
  return row.full_name?.trim() || joined || row.username || `Member ${row.id}`
}

/** The cards of a page of people, in two queries. */
export async function personCards(req: PayloadRequest, ids: number[]): Promise<Map<number, PersonCard>> {
  const wanted = [...new Set(ids)]
  if (wanted.length === 0) return new Map()
  const db = await txDb(req)
  const { rows } = await db.execute(sql`SELECT id, first_name, last_name, full_name, username FROM users WHERE id IN ${sqlList(wanted)}`)
  const profiles = await profilesOf(req, wanted)
  return new Map(
    (rows as NameRow[]).map((row) => [
      row.id,
      { id: row.id, name: displayName(row), avatar: profiles.get(row.id)?.profile_image_url ?? null },
    ]),
  )
}

/** personCards as a lookup for serializers: a person no longer found shows as "Member {id}", without an avatar. */
export async function personCardLookup(req: PayloadRequest, ids: number[]): Promise<(id: number) => PersonCard> {
  const cards = await personCards(req, ids)
  return (id) => cards.get(id) ?? { id, name: `Member ${id}`, avatar: null }
}
