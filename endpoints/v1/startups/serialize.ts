import { extractID } from 'payload/shared'
import type { FollowView } from '../../../src/domain/startups/followRecords.ts'
import { moneyString } from '../../../src/domain/startups/money.ts'
import type { ProjectView } from '../../../src/domain/startups/projectView.ts'
import type { ProjectUpdateView } from '../../../src/domain/startups/projectUpdates.ts'
import type { Investor, Startup } from '../../../src/payload-types.ts'
import { iso } from '../../../src/lib/dates.ts'

type Ref = number | { id: number } | null | undefined
const idOf = (ref: Ref): number | null => (ref === null || ref === undefined ? null : Number(extractID(ref)))
const ids = (refs: (number | { id: number })[] | null | undefined) => (refs ?? []).map((ref) => Number(extractID(ref)))

export function serializeProject(project: ProjectView) {
  return {
    id: Number(project.id),
    startup: Number(project.startup),
    title: project.title,
    description: project.description,
    status: project.status,
    duration: project.duration,
    funding_goal: project.funding_goal,
    current_funding: project.current_funding,
    category: project.category === null ? null : Number(project.category),
    email: project.email,
    has_patents: project.has_patents,
    is_participant: project.is_participant,
    is_active: project.is_active,
    business_plan: project.business_plan === null ? null : Number(project.business_plan),
    created_at: iso(project.created_at),
    updated_at: iso(project.updated_at),
  }
}

export function serializeStartup(startup: Startup, projects?: ProjectView[]) {
  return {
    id: startup.id,
    company_name: startup.company_name,
    description: startup.description,
    website: startup.website ?? null,
    startup_logo: idOf(startup.startup_logo),
    industry: startup.industry ?? null,
    stage: startup.stage ?? null,
    location: startup.location ?? null,
    owners: ids(startup.owners),
    ...(projects ? { projects: projects.map(serializeProject) } : {}),
    created_at: iso(startup.createdAt),
    updated_at: iso(startup.updatedAt),
  }
}

export function serializeInvestor(investor: Investor) {
  return {
    id: investor.id,
    company_name: investor.company_name,
    description: investor.description,
    website: investor.website ?? null,
    logo: idOf(investor.logo),
    contact_email: investor.contact_email ?? null,
    investment_focus: investor.investment_focus ?? null,
    ticket_size_min: moneyString(investor.ticket_size_min ?? null),
    ticket_size_max: moneyString(investor.ticket_size_max ?? null),
    owners: ids(investor.owners),
    created_at: iso(investor.createdAt),
    updated_at: iso(investor.updatedAt),
  }
}

export function serializeFollow(follow: FollowView) {
  return {
    id: Number(follow.id),
    investor: Number(follow.investor),
    project: Number(follow.project),
    followed_at: iso(follow.followed_at),
    is_active: follow.is_active,
    investor_name: follow.investor_name,
    project_title: follow.project_title,
    startup_name: follow.startup_name,
  }
}

/** A follower as spec 002 lists them; investor_email only for the project's owners and staff. */
export function serializeFollower(follow: FollowView, showEmail: boolean) {
  const { project_title: _title, startup_name: _startup, ...rest } = serializeFollow(follow)
  return showEmail ? { ...rest, investor_email: follow.investor_email ?? '' } : rest
}

export function serializeProjectUpdate(update: ProjectUpdateView) {
  return {
    id: Number(update.id),
    project: Number(update.project),
    title: update.title,
    body: update.body,
    created_by: update.created_by === null ? null : Number(update.created_by),
    created_at: iso(update.created_at),
  }
}
