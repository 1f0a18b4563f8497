import type { CollectionAfterChangeHook } from 'payload'
import { extractID } from 'payload/shared'
import type { ProjectUpdate } from '../../src/payload-types.ts'
import { announceProjectUpdate } from '../../src/domain/startups/announcements.ts'
import { readAsSystem } from '../../src/lib/readAsSystem.ts'

/** A new update reaches every active follower (in the transaction that stores it). */
export const notifyFollowersOfUpdate: CollectionAfterChangeHook<ProjectUpdate> = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const projectId = Number(extractID(doc.project))
  const project = await readAsSystem(req, 'projects', projectId)
  await announceProjectUpdate(req, { id: doc.id, title: doc.title, body: doc.body, projectId, projectTitle: project.title })
  return doc
}
