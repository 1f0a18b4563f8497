import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { isStaffMember } from '../../access/isStaffMember.ts'
import type { ProjectStatus } from './statuses.ts'

/** A project as /api/v1 shows it: money as exact decimal strings ("100000.00"), straight from numeric. */
export type ProjectView = {
  id: number
  startup: number
  title: string
  description: string | null
  status: ProjectStatus
  duration: number | null
  funding_goal: string | null
  current_funding: string | null
  category: number | null
  email: string
  has_patents: boolean
  is_participant: boolean
  is_active: boolean
  business_plan: number | null
  created_at: Date | string
  updated_at: Date | string
}

/** The select list of a project view, as text: the benchmark's raw pg handler runs the same SQL. */
export const PROJECT_VIEW_COLUMN_LIST = `p.id, p.startup_id AS startup, p.title, p.description, p.status, p.duration::float8 AS duration,
  p.funding_goal::text AS funding_goal, p.current_funding::text AS current_funding, p.category_id AS category, p.email,
  COALESCE(p.has_patents, false) AS has_patents, COALESCE(p.is_participant, false) AS is_participant,
  COALESCE(p.is_active, false) AS is_active, p.business_plan_id AS business_plan, p.created_at, p.updated_at`
export const PROJECT_VIEW_COLUMNS = sql.raw(PROJECT_VIEW_COLUMN_LIST)

/**
 * The collection's read rule (collections/Projects: listed projects, plus every project of one's own
 * startups, everything for staff) as SQL, for the lists that do not go through the Local API.
 */
export function projectVisibility(req: PayloadRequest) {
  const user = req.user
  if (isStaffMember(user)) return sql`TRUE`
  const listed = sql`(p.status <> 'draft' AND p.is_active)`
  if (!user) return listed
  return sql`(${listed} OR EXISTS (SELECT 1 FROM startups_rels r WHERE r.parent_id = p.startup_id AND r.path = 'owners' AND r.users_id = ${Number(user.id)}))`
}
