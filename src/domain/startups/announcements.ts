import type { PayloadRequest } from 'payload'
import { notify } from '../notifications/notify.ts'
import { followerUserIds } from './followRecords.ts'
import { FUNDING_MILESTONES } from './statuses.ts'

type Funding = { current: number | null | undefined; goal: number | null | undefined }

/** Milestones (percent of the goal) that `after` reaches and `before` did not. */
export function crossedMilestones(before: Funding, after: Funding): number[] {
  const goal = Number(after.goal ?? 0)
  if (!(goal > 0)) return []
  const reached = (current: number | null | undefined, percent: number) => Number(current ?? 0) * 100 >= percent * goal
  return FUNDING_MILESTONES.filter((percent) => reached(after.current, percent) && !reached(before.current, percent))
}

/**
 * Followers hear about each funding milestone once: the dedupe key (one per project and milestone, per
 * recipient, unique in the inbox) makes a repeated crossing, or two racing updates, store nothing more.
 */
export async function announceFundingMilestones(
  req: PayloadRequest,
  project: { id: number; title: string },
  before: Funding,
  after: Funding,
): Promise<void> {
  const milestones = crossedMilestones(before, after)
  if (milestones.length === 0) return
  const recipients = await followerUserIds(req, project.id)
  for (const percent of milestones) {
    await notify(
      recipients,
      'funding_milestone',
      {
        title: `${project.title} reached ${percent}% of its funding goal`,
        message: `"${project.title}" has raised ${percent}% of its funding goal.`,
        redirect: { kind: 'project', id: project.id, url: `/projects/${project.id}` },
        metadata: { project_id: project.id, milestone: percent },
      },
      { req, dedupeKey: `funding_milestone:${project.id}:${percent}` },
    )
  }
}

/** Every active follower hears about a new project update, once. */
export async function announceProjectUpdate(
  req: PayloadRequest,
  update: { id: number; title: string; body: string; projectId: number; projectTitle: string },
): Promise<void> {
  const recipients = await followerUserIds(req, update.projectId)
  await notify(
    recipients,
    'project_update',
    {
      title: `${update.projectTitle}: ${update.title}`.slice(0, 255),
      message: update.body.slice(0, 5000),
      redirect: { kind: 'project_update', id: update.id, url: `/projects/${update.projectId}/updates/${update.id}` },
      metadata: { project_id: update.projectId, update_id: update.id },
    },
    { req, dedupeKey: `project_update:${update.id}` },
  )
}
