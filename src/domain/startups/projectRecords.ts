import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import type { Project } from '../../payload-types.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { firstRow } from '../../lib/db/sql.ts'
import { txDb } from '../../lib/transaction.ts'
import { PROJECT_VIEW_COLUMNS, type ProjectView } from './projectView.ts'
import type { ProjectStatus } from './statuses.ts'

/**
 * The only writer of `projects`: through the Local API with the caller's access, so the collection's
 * validators, ownership hooks and milestone announcements run as on every other interface.
 */
export type ProjectChanges = {
  startup?: number
  title?: string
  description?: string | null
  status?: ProjectStatus
  duration?: number | null
  funding_goal?: number | null
  current_funding?: number | null
  category?: number | null
  email?: string
  has_patents?: boolean
  is_participant?: boolean
  is_active?: boolean
  business_plan?: number | null
}

export const NOT_FOUND = 'Not found.'

export type NewProject = ProjectChanges & { startup: number; title: string; email: string }

export async function insertProject(req: PayloadRequest, data: NewProject): Promise<Project> {
  return req.payload.create({ collection: 'projects', data: { status: 'draft', ...data }, depth: 0, overrideAccess: false, req })
}

export async function updateProjectRecord(req: PayloadRequest, id: number, changes: ProjectChanges): Promise<Project> {
  return req.payload.update({ collection: 'projects', id, data: changes, depth: 0, overrideAccess: false, req })
}

export async function deleteProjectRecord(req: PayloadRequest, id: number): Promise<void> {
  await req.payload.delete({ collection: 'projects', id, depth: 0, overrideAccess: false, req })
}

/** The project if the collection's read access lets req's user see it, else 404. */
export async function visibleProject(req: PayloadRequest, id: number, message = NOT_FOUND): Promise<ProjectView> {
  const seen = await req.payload.findByID({
    collection: 'projects',
    id,
    depth: 0,
    overrideAccess: false,
    req,
    disableErrors: true,
    select: {},
  })
  if (!seen) throw new NotFoundError(message)
  return projectView(req, id)
}

/** The /api/v1 view of a project (no access check: callers decided). */
export async function projectView(req: PayloadRequest, id: number): Promise<ProjectView> {
  const db = await txDb(req)
  const row = firstRow<ProjectView>(await db.execute(sql`SELECT ${PROJECT_VIEW_COLUMNS} FROM projects p WHERE p.id = ${id}`))
  if (!row) throw new NotFoundError(NOT_FOUND)
  return row
}
