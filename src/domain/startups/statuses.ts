/** Spec 002's project statuses. */
export const PROJECT_STATUSES = ['draft', 'active', 'completed', 'cancelled'] as const
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]

/** What bind-company binds a user to; each grants the role of the same name. */
export const COMPANY_TYPES = ['startup', 'investor'] as const
export type CompanyType = (typeof COMPANY_TYPES)[number]

/** Percentages of funding_goal whose crossing followers hear about, once each. */
export const FUNDING_MILESTONES = [25, 50, 75, 100] as const
