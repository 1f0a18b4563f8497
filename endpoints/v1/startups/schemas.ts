import { z } from 'zod'
import { PROJECT_ORDERINGS } from '../../../src/domain/startups/listProjects.ts'
import { COMPANY_TYPES, PROJECT_STATUSES } from '../../../src/domain/startups/statuses.ts'
import { pageSizeParam } from '../../../src/lib/validation/pageQuery.ts'

/**
 * Types only: spec 002's validation rules (required, unique, funding, business plan, email) live in the
 * collections, so /api/v1 reports them with the same messages as Payload REST and GraphQL.
 */
const id = z.coerce.number().int().positive().max(2147483647)
const pk = z.number({ error: 'Incorrect type. Expected pk value.' }).int().positive().max(2147483647)
const text = (max: number) => z.string().max(max)
/** Money as spec 002 writes it ("100000.00") or as a JSON number. */
const money = z
  .union(
    [
      z.number(),
      z
        .string()
        .trim()
        .regex(/^-?\d+(\.\d+)?$/, 'A valid number is required.'),
    ],
    { error: 'A valid number is required.' },
  )
  .transform(Number)
const booleanParam = z
  .enum(['true', 'false', 'True', 'False', '1', '0'])
  .transform((value) => value === 'true' || value === 'True' || value === '1')

export const IdParams = z.object({ id })
export const FollowIdParams = z.object({ follow_id: id })

export const PageQuery = z.object({ page: z.coerce.number().int().min(1).default(1), page_size: pageSizeParam.default(20) })

export const CompanyListQuery = PageQuery.extend({
  search: z.string().trim().max(200).optional(),
  industry: z.string().trim().max(100).optional(),
  stage: z.string().trim().max(100).optional(),
})

const companyFields = {
  company_name: text(255),
  description: text(10000),
  website: text(500).nullable(),
}

export const StartupBody = z.object({
  ...companyFields,
  startup_logo: pk.nullable().optional(),
  industry: text(100).nullable().optional(),
  stage: text(100).nullable().optional(),
  location: text(255).nullable().optional(),
  website: companyFields.website.optional(),
})
export const StartupPatch = StartupBody.partial()

export const InvestorBody = z.object({
  ...companyFields,
  website: companyFields.website.optional(),
  logo: pk.nullable().optional(),
  contact_email: text(254).nullable().optional(),
  investment_focus: text(255).nullable().optional(),
  ticket_size_min: money.nullable().optional(),
  ticket_size_max: money.nullable().optional(),
})
export const InvestorPatch = InvestorBody.partial()

export const ProjectListQuery = PageQuery.extend({
  startup: id.optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  category: id.optional(),
  is_active: booleanParam.optional(),
  search: z.string().trim().max(200).optional(),
  ordering: z.enum([...PROJECT_ORDERINGS, ...PROJECT_ORDERINGS.map((name) => `-${name}` as const)]).optional(),
})

const projectFields = {
  startup: pk,
  title: text(255),
  description: text(10000).nullable().optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  duration: z.number().int().min(0).nullable().optional(),
  funding_goal: money.nullable().optional(),
  current_funding: money.nullable().optional(),
  category: pk.nullable().optional(),
  email: text(254),
  has_patents: z.boolean().optional(),
  is_participant: z.boolean().optional(),
  is_active: z.boolean().optional(),
  business_plan: pk.nullable().optional(),
}
export const ProjectBody = z.object(projectFields)
export const ProjectPatch = ProjectBody.partial()

export const ProjectUpdateBody = z.object({ title: text(255), body: text(20000) })
export const UnfollowBody = z.object({ is_active: z.literal(false, { error: 'Send {"is_active": false} to unfollow.' }) })
export const BindCompanyBody = z.object({
  company_name: z.string().trim().min(1, 'This field may not be blank.').max(255),
  company_type: z.enum(COMPANY_TYPES),
})

const date = z.string()
export const ProjectOut = z.object({
  id: z.number(),
  startup: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  status: z.enum(PROJECT_STATUSES),
  duration: z.number().nullable(),
  funding_goal: z.string().nullable(),
  current_funding: z.string().nullable(),
  category: z.number().nullable(),
  email: z.string(),
  has_patents: z.boolean(),
  is_participant: z.boolean(),
  is_active: z.boolean(),
  business_plan: z.number().nullable(),
  created_at: date,
  updated_at: date,
})
export const StartupOut = z.object({
  id: z.number(),
  company_name: z.string(),
  description: z.string(),
  website: z.string().nullable(),
  startup_logo: z.number().nullable(),
  industry: z.string().nullable(),
  stage: z.string().nullable(),
  location: z.string().nullable(),
  owners: z.array(z.number()),
  projects: z.array(ProjectOut).optional(),
  created_at: date,
  updated_at: date,
})
export const InvestorOut = z.object({
  id: z.number(),
  company_name: z.string(),
  description: z.string(),
  website: z.string().nullable(),
  logo: z.number().nullable(),
  contact_email: z.string().nullable(),
  investment_focus: z.string().nullable(),
  ticket_size_min: z.string().nullable(),
  ticket_size_max: z.string().nullable(),
  owners: z.array(z.number()),
  created_at: date,
  updated_at: date,
})
export const FollowOut = z.object({
  id: z.number(),
  investor: z.number(),
  project: z.number(),
  followed_at: date,
  is_active: z.boolean(),
  investor_name: z.string(),
  project_title: z.string(),
  startup_name: z.string().nullable(),
})
export const FollowerOut = FollowOut.omit({ project_title: true, startup_name: true }).extend({ investor_email: z.string().optional() })
export const ProjectUpdateOut = z.object({
  id: z.number(),
  project: z.number(),
  title: z.string(),
  body: z.string(),
  created_by: z.number().nullable(),
  created_at: date,
})
export const BindCompanyOut = z.object({ message: z.string(), company_type: z.enum(COMPANY_TYPES), company_id: z.number() })
export const DetailOut = z.object({ detail: z.string() })

export const paged = <T extends z.ZodType>(item: T) =>
  z.object({ count: z.number(), next: z.string().nullable(), previous: z.string().nullable(), results: z.array(item) })
