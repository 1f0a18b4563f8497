import { bindCompany } from '../../../src/domain/startups/bindCompany.ts'
import { followProject, listFollowers, listFollows, unfollowProject } from '../../../src/domain/startups/follows.ts'
import { listProjects } from '../../../src/domain/startups/listProjects.ts'
import {
  createInvestor,
  createStartup,
  deleteCompany,
  getInvestor,
  getStartup,
  listInvestors,
  listStartups,
  updateInvestor,
  updateStartup,
} from '../../../src/domain/startups/manageCompanies.ts'
import { createProject, deleteProject, updateProject } from '../../../src/domain/startups/manageProjects.ts'
import { visibleProject } from '../../../src/domain/startups/projectRecords.ts'
import { listProjectUpdates, postProjectUpdate } from '../../../src/domain/startups/projectUpdates.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { drfPage } from './paging.ts'
import {
  BindCompanyBody,
  BindCompanyOut,
  CompanyListQuery,
  DetailOut,
  FollowerOut,
  FollowIdParams,
  FollowOut,
  IdParams,
  InvestorBody,
  InvestorOut,
  InvestorPatch,
  PageQuery,
  paged,
  ProjectBody,
  ProjectListQuery,
  ProjectOut,
  ProjectPatch,
  ProjectUpdateBody,
  ProjectUpdateOut,
  StartupBody,
  StartupOut,
  StartupPatch,
  UnfollowBody,
} from './schemas.ts'
import {
  serializeFollow,
  serializeFollower,
  serializeInvestor,
  serializeProject,
  serializeProjectUpdate,
  serializeStartup,
} from './serialize.ts'

/** Spec 002's marketplace: startup and investor profiles, projects, updates, follows, company binding. */
export const profilesRoutes = v1Router('/profiles')
export const projectsRoutes = v1Router('/projects')
export const investorFollowsRoutes = v1Router('/investors')
export const bindCompanyRoutes = v1Router('/auth')

const forum = { envelope: 'forum' } as const
const writes = { 400: 'Validation errors, per field', 403: 'Not an owner', 404: 'Not found' } as const

profilesRoutes.get(
  '/startups',
  { ...forum, summary: 'Startup profiles (search, industry, stage)', query: CompanyListQuery, responses: { 200: paged(StartupOut) } },
  async ({ req, query }) => {
    const { total, companies } = await listStartups(req, { ...query, pageSize: query.page_size })
    return {
      body: drfPage(
        '/api/v1/profiles/startups/',
        query,
        total,
        companies.map((startup) => serializeStartup(startup)),
      ),
    }
  },
)

profilesRoutes.post(
  '/startups',
  {
    ...forum,
    auth: 'user',
    summary: 'Creates a startup profile; the caller owns it and gets the startup role',
    body: StartupBody,
    responses: { 201: StartupOut, 400: writes[400] },
  },
  async ({ req, body }) => ({ status: 201, body: serializeStartup(await createStartup(req, body), []) }),
)

profilesRoutes.get(
  '/startups/:id',
  {
    ...forum,
    auth: 'optional',
    summary: 'A startup with the projects the caller may see',
    params: IdParams,
    responses: { 200: StartupOut, 404: writes[404] },
  },
  async ({ req, params }) => {
    const startup = await getStartup(req, params.id)
    const { projects } = await listProjects(req, { startup: startup.id, page: 1, pageSize: 100 })
    return { body: serializeStartup(startup, projects) }
  },
)

profilesRoutes.patch(
  '/startups/:id',
  {
    ...forum,
    auth: 'user',
    summary: 'Changes a startup (owners, staff)',
    params: IdParams,
    body: StartupPatch,
    responses: { 200: StartupOut, ...writes },
  },
  async ({ req, params, body }) => {
    const startup = await updateStartup(req, params.id, body)
    const { projects } = await listProjects(req, { startup: startup.id, page: 1, pageSize: 100 })
    return { body: serializeStartup(startup, projects) }
  },
)

profilesRoutes.delete(
  '/startups/:id',
  {
    ...forum,
    auth: 'user',
    summary: 'Deletes a startup (owners, staff)',
    params: IdParams,
    responses: { 204: 'Deleted', 403: writes[403], 404: writes[404] },
  },
  async ({ req, params }) => {
    await deleteCompany(req, 'startups', params.id)
    return { status: 204 }
  },
)

profilesRoutes.get(
  '/investors',
  { ...forum, summary: 'Investor profiles (search)', query: CompanyListQuery, responses: { 200: paged(InvestorOut) } },
  async ({ req, query }) => {
    const { total, companies } = await listInvestors(req, { ...query, pageSize: query.page_size })
    return { body: drfPage('/api/v1/profiles/investors/', query, total, companies.map(serializeInvestor)) }
  },
)

profilesRoutes.post(
  '/investors',
  {
    ...forum,
    auth: 'user',
    summary: 'Creates an investor profile; the caller owns it and gets the investor role',
    body: InvestorBody,
    responses: { 201: InvestorOut, 400: writes[400] },
  },
  async ({ req, body }) => ({ status: 201, body: serializeInvestor(await createInvestor(req, body)) }),
)

profilesRoutes.get(
  '/investors/:id',
  { ...forum, summary: 'An investor', params: IdParams, responses: { 200: InvestorOut, 404: writes[404] } },
  async ({ req, params }) => ({ body: serializeInvestor(await getInvestor(req, params.id)) }),
)

profilesRoutes.patch(
  '/investors/:id',
  {
    ...forum,
    auth: 'user',
    summary: 'Changes an investor (owners, staff)',
    params: IdParams,
    body: InvestorPatch,
    responses: { 200: InvestorOut, ...writes },
  },
  async ({ req, params, body }) => ({ body: serializeInvestor(await updateInvestor(req, params.id, body)) }),
)

profilesRoutes.delete(
  '/investors/:id',
  {
    ...forum,
    auth: 'user',
    summary: 'Deletes an investor (owners, staff)',
    params: IdParams,
    responses: { 204: 'Deleted', 403: writes[403], 404: writes[404] },
  },
  async ({ req, params }) => {
    await deleteCompany(req, 'investors', params.id)
    return { status: 204 }
  },
)

projectsRoutes.get(
  '/',
  {
    ...forum,
    auth: 'optional',
    summary: 'Projects the caller may see (startup, status, category, is_active, search, ordering)',
    query: ProjectListQuery,
    responses: { 200: paged(ProjectOut) },
  },
  async ({ req, query }) => {
    const { total, projects } = await listProjects(req, { ...query, isActive: query.is_active, pageSize: query.page_size })
    return { body: drfPage('/api/v1/projects/', query, total, projects.map(serializeProject)) }
  },
)

projectsRoutes.post(
  '/',
  {
    ...forum,
    auth: 'user',
    summary: "Creates a project of one of the caller's startups",
    body: ProjectBody,
    responses: { 201: ProjectOut, 400: writes[400], 403: writes[403] },
  },
  async ({ req, body }) => ({ status: 201, body: serializeProject(await createProject(req, body)) }),
)

projectsRoutes.get(
  '/:id',
  {
    ...forum,
    auth: 'optional',
    summary: 'A project (drafts: owners and staff only)',
    params: IdParams,
    responses: { 200: ProjectOut, 404: writes[404] },
  },
  async ({ req, params }) => ({ body: serializeProject(await visibleProject(req, params.id)) }),
)

projectsRoutes.patch(
  '/:id',
  {
    ...forum,
    auth: 'user',
    summary: 'Changes a project (owners, staff)',
    params: IdParams,
    body: ProjectPatch,
    responses: { 200: ProjectOut, ...writes },
  },
  async ({ req, params, body }) => ({ body: serializeProject(await updateProject(req, params.id, body)) }),
)

projectsRoutes.delete(
  '/:id',
  {
    ...forum,
    auth: 'user',
    summary: 'Deletes a project (owners, staff)',
    params: IdParams,
    responses: { 204: 'Deleted', 403: writes[403], 404: writes[404] },
  },
  async ({ req, params }) => {
    await deleteProject(req, params.id)
    return { status: 204 }
  },
)

projectsRoutes.get(
  '/:id/updates',
  {
    ...forum,
    auth: 'optional',
    summary: "A project's updates, newest first",
    params: IdParams,
    query: PageQuery,
    responses: { 200: paged(ProjectUpdateOut), 404: writes[404] },
  },
  async ({ req, params, query }) => {
    const { total, updates } = await listProjectUpdates(req, params.id, { page: query.page, pageSize: query.page_size })
    return { body: drfPage(`/api/v1/projects/${params.id}/updates/`, query, total, updates.map(serializeProjectUpdate)) }
  },
)

projectsRoutes.post(
  '/:id/updates',
  {
    ...forum,
    auth: 'user',
    summary: 'Posts an update (owners); every active follower is notified (project_update)',
    params: IdParams,
    body: ProjectUpdateBody,
    responses: { 201: ProjectUpdateOut, ...writes },
  },
  async ({ req, params, body }) => ({ status: 201, body: serializeProjectUpdate(await postProjectUpdate(req, params.id, body)) }),
)

projectsRoutes.post(
  '/:id/follow',
  {
    ...forum,
    auth: 'user',
    summary: 'Follows a project (investors); its owners are notified (project_followed)',
    params: IdParams,
    responses: {
      201: FollowOut,
      400: 'Already following, or a project of your own company',
      403: 'Not an investor',
      404: 'Project not found.',
    },
  },
  async ({ req, user, params }) => ({ status: 201, body: serializeFollow(await followProject(req, user, params.id)) }),
)

projectsRoutes.get(
  '/:id/followers',
  {
    ...forum,
    auth: 'user',
    summary: "A project's active followers (investor_email for its owners and staff)",
    params: IdParams,
    query: PageQuery,
    responses: { 200: paged(FollowerOut), 404: 'Project not found.' },
  },
  async ({ req, params, query }) => {
    const { total, follows, showEmails } = await listFollowers(req, params.id, { page: query.page, pageSize: query.page_size })
    const results = follows.map((follow) => serializeFollower(follow, showEmails))
    return { body: drfPage(`/api/v1/projects/${params.id}/followers/`, query, total, results) }
  },
)

investorFollowsRoutes.get(
  '/follows',
  {
    ...forum,
    auth: 'user',
    summary: "The caller's active follows (investors)",
    query: PageQuery,
    responses: { 200: paged(FollowOut), 403: 'Not an investor' },
  },
  async ({ req, user, query }) => {
    const { total, follows } = await listFollows(req, user, { page: query.page, pageSize: query.page_size })
    return { body: drfPage('/api/v1/investors/follows/', query, total, follows.map(serializeFollow)) }
  },
)

investorFollowsRoutes.patch(
  '/follows/:follow_id',
  {
    ...forum,
    auth: 'user',
    summary: 'Unfollows (is_active: false)',
    params: FollowIdParams,
    body: UnfollowBody,
    responses: { 200: DetailOut, 400: 'You are not currently following this project.', 404: 'Not one of your follows' },
  },
  async ({ req, user, params }) => ({ body: { detail: await unfollowProject(req, user, params.follow_id) } }),
)

bindCompanyRoutes.post(
  '/bind-company',
  {
    ...forum,
    auth: 'user',
    summary: 'Binds the caller to the startup or investor of that name (created if none) and grants its role',
    body: BindCompanyBody,
    responses: { 200: BindCompanyOut, 201: BindCompanyOut, 400: 'Missing or invalid field' },
  },
  async ({ req, user, body }) => {
    const { created, ...binding } = await bindCompany(req, Number(user.id), body.company_name, body.company_type)
    return { status: created ? 201 : 200, body: binding }
  },
)
