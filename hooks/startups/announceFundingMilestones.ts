import type { CollectionAfterChangeHook } from 'payload'
import type { Project } from '../../src/payload-types.ts'
import { announceFundingMilestones as announce } from '../../src/domain/startups/announcements.ts'

/** Whatever interface changed current_funding, followers hear about milestones it crossed (once each). */
export const announceFundingMilestones: CollectionAfterChangeHook<Project> = async ({ doc, previousDoc, operation, req }) => {
  const before = operation === 'update' && previousDoc ? previousDoc : { current_funding: 0, funding_goal: doc.funding_goal }
  await announce(
    req,
    { id: doc.id, title: doc.title },
    { current: before.current_funding, goal: before.funding_goal },
    { current: doc.current_funding, goal: doc.funding_goal },
  )
  return doc
}
