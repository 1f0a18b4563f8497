import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { extractID } from 'payload/shared'
import type { ProjectUpdate } from '../../payload-types.ts'
import { firstRow } from '../../lib/db/sql.ts'
import { txDb, withTransaction } from '../../lib/transaction.ts'
import { FOLLOW_MESSAGES } from './follows.ts'
import { visibleProject } from './projectRecords.ts'

export type ProjectUpdateView = {
  id: number
  project: number
  title: string
  body: string
  created_by: number | null
  created_at: Date | string
}

/**
 * Posts an update (the only writer of `project-updates`, through the Local API: the collection checks the
 * author owns the project and notifies every active follower in the same transaction).
 */
export async function postProjectUpdate(
  req: PayloadRequest,
  projectId: number,
  input: { title: string; body: string },
): Promise<ProjectUpdateView> {
  return withTransaction(req, async () => {
    await visibleProject(req, projectId, FOLLOW_MESSAGES.projectNotFound)
    const created: ProjectUpdate = await req.payload.create({
      collection: 'project-updates',
      data: { project: projectId, title: input.title, body: input.body },
      depth: 0,
      overrideAccess: false,
      req,
    })
    return {
      id: created.id,
      project: projectId,
      title: created.title,
      body: created.body,
      created_by: created.created_by ? Number(extractID(created.created_by)) : null,
      created_at: created.createdAt,
    }
  })
}

/** A visible project's updates, newest first. */
export async function listProjectUpdates(req: PayloadRequest, projectId: number, { page, pageSize }: { page: number; pageSize: number }) {
  await visibleProject(req, projectId, FOLLOW_MESSAGES.projectNotFound)
  const db = await txDb(req)
  const [rows, counted] = await Promise.all([
    db.execute(sql`
      SELECT id, project_id AS project, title, body, created_by_id AS created_by, created_at FROM project_updates
      WHERE project_id = ${projectId} ORDER BY created_at DESC, id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`),
    db.execute(sql`SELECT count(*)::int AS total FROM project_updates WHERE project_id = ${projectId}`),
  ])
  return { total: Number(firstRow<{ total: number }>(counted)?.total ?? 0), updates: rows.rows as ProjectUpdateView[] }
}
