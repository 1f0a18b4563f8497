import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { intArray } from '../../lib/db/fullText.ts'
import { firstRow } from '../../lib/db/sql.ts'
import { txDb } from '../../lib/transaction.ts'

/**
 * The only writer of `project_follows`. The partial unique index (investor, project) WHERE is_active
 * decides between parallel follows; a follow after an unfollow reactivates the old row.
 */
export type FollowView = {
  id: number
  investor: number
  project: number
  followed_at: Date | string
  is_active: boolean
  investor_name: string
  investor_email: string | null
  project_title: string
  startup_name: string
}

const FOLLOW_VIEW = sql.raw(`f.id, f.investor_id AS investor, f.project_id AS project, f.followed_at, f.is_active,
  i.company_name AS investor_name, i.contact_email AS investor_email, p.title AS project_title, s.company_name AS startup_name
  FROM project_follows f JOIN investors i ON i.id = f.investor_id JOIN projects p ON p.id = f.project_id
  LEFT JOIN startups s ON s.id = p.startup_id`)

/** Makes the investor follow the project; null when they already do. */
export async function insertFollow(req: PayloadRequest, investorId: number, projectId: number): Promise<number | null> {
  const db = await txDb(req)
  const pair = sql`investor_id = ${investorId} AND project_id = ${projectId}`
  const revived = firstRow<{ id: number }>(
    await db.execute(sql`
      UPDATE project_follows SET is_active = true, followed_at = now(), updated_at = now()
      WHERE id = (SELECT id FROM project_follows WHERE ${pair} AND NOT is_active ORDER BY id LIMIT 1) AND NOT is_active
        AND NOT EXISTS (SELECT 1 FROM project_follows WHERE ${pair} AND is_active)
      RETURNING id`),
  )
  if (revived) return revived.id
  const inserted = firstRow<{ id: number }>(
    await db.execute(sql`
      INSERT INTO project_follows (investor_id, project_id, followed_at, is_active, updated_at, created_at)
      VALUES (${investorId}, ${projectId}, now(), true, now(), now())
      ON CONFLICT (investor_id, project_id) WHERE is_active DO NOTHING RETURNING id`),
  )
  return inserted?.id ?? null
}

/** Ends one of these investors' active follows; 'inactive' if it exists but is not active, null if none of theirs. */
export async function deactivateFollow(req: PayloadRequest, followId: number, investorIds: number[]): Promise<'done' | 'inactive' | null> {
  if (investorIds.length === 0) return null
  const db = await txDb(req)
  const owned = sql`investor_id = ANY(${intArray(investorIds)}::int[])`
  const done = await db.execute(
    sql`UPDATE project_follows SET is_active = false, updated_at = now() WHERE id = ${followId} AND ${owned} AND is_active RETURNING id`,
  )
  if (done.rows.length > 0) return 'done'
  const exists = await db.execute(sql`SELECT 1 FROM project_follows WHERE id = ${followId} AND ${owned}`)
  return exists.rows.length > 0 ? 'inactive' : null
}

export async function followView(req: PayloadRequest, followId: number): Promise<FollowView> {
  const db = await txDb(req)
  const row = firstRow<FollowView>(await db.execute(sql`SELECT ${FOLLOW_VIEW} WHERE f.id = ${followId}`))
  if (!row) throw new Error(`followView: no follow ${followId}`)
  return row
}

type Page = { page: number; pageSize: number }

async function followPage(req: PayloadRequest, where: ReturnType<typeof sql>, { page, pageSize }: Page) {
  const db = await txDb(req)
  const [rows, counted] = await Promise.all([
    db.execute(
      sql`SELECT ${FOLLOW_VIEW} WHERE ${where} ORDER BY f.followed_at DESC, f.id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    ),
    db.execute(sql`SELECT count(*)::int AS total FROM project_follows f WHERE ${where}`),
  ])
  return { total: Number(firstRow<{ total: number }>(counted)?.total ?? 0), follows: rows.rows as FollowView[] }
}

/** Active follows of these investors, newest first. */
export const activeFollowsOf = (req: PayloadRequest, investorIds: number[], page: Page) =>
  followPage(req, sql`f.is_active AND f.investor_id = ANY(${intArray(investorIds)}::int[])`, page)

/** Active followers of a project, newest first. */
export const activeFollowersOf = (req: PayloadRequest, projectId: number, page: Page) =>
  followPage(req, sql`f.is_active AND f.project_id = ${projectId}`, page)

/** Users to tell about a project: the owners of every investor actively following it. */
export async function followerUserIds(req: PayloadRequest, projectId: number): Promise<number[]> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    SELECT DISTINCT r.users_id AS id FROM project_follows f
    JOIN investors_rels r ON r.parent_id = f.investor_id AND r.path = 'owners' AND r.users_id IS NOT NULL
    WHERE f.project_id = ${projectId} AND f.is_active`)
  return (result.rows as { id: number }[]).map((row) => Number(row.id))
}
