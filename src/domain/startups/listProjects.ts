import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { firstRow } from '../../lib/db/sql.ts'
import { txDb } from '../../lib/transaction.ts'
import { PROJECT_VIEW_COLUMNS, projectVisibility, type ProjectView } from './projectView.ts'
import type { ProjectStatus } from './statuses.ts'

export const PROJECT_ORDERINGS = ['created_at', 'updated_at', 'title', 'funding_goal', 'current_funding', 'duration'] as const
export type ProjectOrdering = (typeof PROJECT_ORDERINGS)[number] | `-${(typeof PROJECT_ORDERINGS)[number]}`

export type ProjectFilters = {
  startup?: number
  status?: ProjectStatus
  category?: number
  isActive?: boolean
  search?: string
  ordering?: ProjectOrdering
  page: number
  pageSize: number
}

/** One page of the projects req's user may read, with the total, in one statement. */
export async function listProjects(req: PayloadRequest, filters: ProjectFilters): Promise<{ total: number; projects: ProjectView[] }> {
  const db = await txDb(req)
  const result = await db.execute(projectListQuery(req, filters))
  const rows = result.rows as (ProjectView & { total: number | string })[]
  if (rows.length === 0 && filters.page > 1) {
    const counted = await db.execute(projectListQuery(req, { ...filters, page: 1, pageSize: 1 }))
    return { total: Number(firstRow<{ total: number }>(counted)?.total ?? 0), projects: [] }
  }
  return { total: Number(rows[0]?.total ?? 0), projects: rows.map(({ total: _total, ...project }) => project) }
}

/** The list's SQL (the benchmark's raw handler runs the same statement). */
export function projectListQuery(req: PayloadRequest, filters: ProjectFilters) {
  const conditions = [projectVisibility(req)]
  if (filters.startup !== undefined) conditions.push(sql`p.startup_id = ${filters.startup}`)
  if (filters.status) conditions.push(sql`p.status = ${filters.status}`)
  if (filters.category !== undefined) conditions.push(sql`p.category_id = ${filters.category}`)
  if (filters.isActive !== undefined) conditions.push(sql`p.is_active = ${filters.isActive}`)
  if (filters.search) {
    const pattern = `%${filters.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    conditions.push(sql`(p.title ILIKE ${pattern} OR p.description ILIKE ${pattern})`)
  }
  const ordering = filters.ordering ?? '-created_at'
  const column = sql.raw(`p.${ordering.replace(/^-/, '')}`)
  const direction = sql.raw(ordering.startsWith('-') ? 'DESC NULLS LAST' : 'ASC NULLS FIRST')
  const idDirection = sql.raw(ordering.startsWith('-') ? 'DESC' : 'ASC')
  return sql`
    SELECT ${PROJECT_VIEW_COLUMNS}, count(*) OVER () AS total FROM projects p
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY ${column} ${direction}, p.id ${idDirection}
    LIMIT ${filters.pageSize} OFFSET ${(filters.page - 1) * filters.pageSize}`
}
