import type { PayloadRequest, TypedUser } from 'payload'
import { hasRole } from '../../access/hasRole.ts'
import { BadRequestError, ForbiddenError, NotFoundError } from '../../lib/errors.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { notify } from '../notifications/notify.ts'
import { companiesOwnedBy, companyOwnerIds, isCompanyOwner } from './companyRecords.ts'
import { activeFollowersOf, activeFollowsOf, deactivateFollow, followView, insertFollow, type FollowView } from './followRecords.ts'
import { managesProject } from './projectOwnership.ts'
import { visibleProject } from './projectRecords.ts'

export const FOLLOW_MESSAGES = {
  notInvestor: 'Only investors can follow projects.',
  projectNotFound: 'Project not found.',
  alreadyFollowing: 'You are already following this project.',
  ownProject: 'You cannot follow a project of your own company.',
  unfollowed: 'Successfully unfollowed the project.',
  notFollowing: 'You are not currently following this project.',
}

/** The investor profiles of the caller, who must have one; they follow as the first (an investor user owns one, through bind-company). */
async function callerInvestors(req: PayloadRequest, user: TypedUser): Promise<number[]> {
  const owned = hasRole(user, 'investor') ? await companiesOwnedBy(req, 'investors', Number(user.id)) : []
  if (owned.length === 0) throw new ForbiddenError(FOLLOW_MESSAGES.notInvestor)
  return owned
}

/** Spec 002's follow: 201 body, or 400 for a repeated or self follow; the startup's owners are told. */
export async function followProject(req: PayloadRequest, user: TypedUser, projectId: number): Promise<FollowView> {
  return withTransaction(req, async () => {
    const [investorId] = await callerInvestors(req, user)
    const project = await visibleProject(req, projectId, FOLLOW_MESSAGES.projectNotFound)
    if (await isCompanyOwner(req, 'startups', project.startup, Number(user.id))) throw new BadRequestError(FOLLOW_MESSAGES.ownProject)
    const followId = await insertFollow(req, investorId, projectId)
    if (followId === null) throw new BadRequestError(FOLLOW_MESSAGES.alreadyFollowing)
    const follow = await followView(req, followId)
    await notify(
      await companyOwnerIds(req, 'startups', project.startup),
      'project_followed',
      {
        title: `${follow.investor_name} follows ${follow.project_title}`,
        message: `${follow.investor_name} started following your project "${follow.project_title}".`,
        actor: { type: 'investor', user_id: Number(user.id), investor_id: investorId, display_name: follow.investor_name },
        redirect: { kind: 'project', id: projectId, url: `/projects/${projectId}` },
      },
      // One per follow period: a re-follow after an unfollow tells the owners again.
      { req, dedupeKey: `project_followed:${followId}:${new Date(follow.followed_at).toISOString()}` },
    )
    return follow
  })
}

export async function unfollowProject(req: PayloadRequest, user: TypedUser, followId: number): Promise<string> {
  return withTransaction(req, async () => {
    const investors = await companiesOwnedBy(req, 'investors', Number(user.id))
    const outcome = await deactivateFollow(req, followId, investors)
    if (outcome === null) throw new NotFoundError('Not found.')
    if (outcome === 'inactive') throw new BadRequestError(FOLLOW_MESSAGES.notFollowing)
    return FOLLOW_MESSAGES.unfollowed
  })
}

type Page = { page: number; pageSize: number }

/** The caller's active follows (any investor profile they own). */
export async function listFollows(req: PayloadRequest, user: TypedUser, page: Page) {
  return activeFollowsOf(req, await callerInvestors(req, user), page)
}

/** A visible project's active followers; investor_email only for its owners and staff. */
export async function listFollowers(req: PayloadRequest, projectId: number, page: Page) {
  await visibleProject(req, projectId, FOLLOW_MESSAGES.projectNotFound)
  const [found, showEmails] = await Promise.all([activeFollowersOf(req, projectId, page), managesProject(req, projectId)])
  return { ...found, showEmails }
}
