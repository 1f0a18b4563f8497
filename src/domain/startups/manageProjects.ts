import type { PayloadRequest } from 'payload'
import { withTransaction } from '../../lib/transaction.ts'
import {
  deleteProjectRecord,
  insertProject,
  projectView,
  updateProjectRecord,
  visibleProject,
  type NewProject,
  type ProjectChanges,
} from './projectRecords.ts'
import type { ProjectView } from './projectView.ts'

/** A new project of one of the caller's startups (the collection checks ownership and spec 002's rules). */
export async function createProject(req: PayloadRequest, input: NewProject): Promise<ProjectView> {
  return withTransaction(req, async () => projectView(req, (await insertProject(req, input)).id))
}

/** Changes a project the caller can see: 404 if they cannot, 403 if it is not theirs (the collection decides). */
export async function updateProject(req: PayloadRequest, id: number, changes: ProjectChanges): Promise<ProjectView> {
  return withTransaction(req, async () => {
    await visibleProject(req, id)
    await updateProjectRecord(req, id, changes)
    return projectView(req, id)
  })
}

export async function deleteProject(req: PayloadRequest, id: number): Promise<void> {
  await withTransaction(req, async () => {
    await visibleProject(req, id)
    await deleteProjectRecord(req, id)
  })
}
