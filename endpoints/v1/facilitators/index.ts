import type { PayloadRequest } from 'payload'
import { hasRole } from '../../../src/access/hasRole.ts'
import { signInWithPassword } from '../../../src/domain/auth/signInWithPassword.ts'
import type { Facilitator } from '../../../src/payload-types.ts'
import { ForbiddenError, NotFoundError } from '../../../src/lib/errors.ts'
import { clientMetaOf } from '../../../src/http/clientMeta.ts'
import { pagePagination } from '../../../src/lib/pagination.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { AuthOut, LoginBody } from '../auth/schemas.ts'
import { authBody } from '../auth/serialize.ts'
import { EventListOut } from '../events/schemas.ts'
import { serializeEvents } from '../events/serialize.ts'
import { FacilitatorOut, FacilitatorParams, PageQuery } from './schemas.ts'
import { extractID } from 'payload/shared'

export const facilitatorsRoutes = v1Router('/facilitators')

facilitatorsRoutes.post(
  '/login',
  {
    summary: 'Sign in as a facilitator (spec 004)',
    envelope: 'booking',
    body: LoginBody,
    responses: { 200: AuthOut, 401: 'Invalid credentials', 403: 'Not a facilitator, or inactive' },
  },
  async ({ req, body, http }) => {
    const { user, tokens } = await signInWithPassword(req, body, clientMetaOf(http.req), (candidate) => {
      if (!hasRole(candidate, 'facilitator')) throw new ForbiddenError('This account is not a facilitator account.')
    })
    return { body: authBody(user, tokens, 'Login successful') }
  },
)

function serializeFacilitator(facilitator: Facilitator) {
  return {
    id: facilitator.id,
    name: facilitator.name,
    bio: facilitator.bio ?? null,
    photo_url: facilitator.photo_url ?? null,
    specialties: facilitator.specialties ?? [],
    is_active: facilitator.is_active !== false,
    user_id: facilitator.user ? extractID(facilitator.user) : null,
  }
}

async function activeFacilitator(req: PayloadRequest, id: number): Promise<Facilitator> {
  const facilitator = await req.payload.findByID({
    collection: 'facilitators',
    id,
    depth: 0,
    overrideAccess: false,
    req,
    disableErrors: true,
  })
  if (!facilitator || facilitator.is_active === false) throw new NotFoundError('Facilitator not found.')
  return facilitator
}

facilitatorsRoutes.get(
  '/',
  {
    summary: 'Active facilitators (spec 004)',
    auth: 'user',
    envelope: 'booking',
    query: PageQuery,
    responses: { 200: 'Facilitators with pagination' },
  },
  async ({ req, query }) => {
    const result = await req.payload.find({
      collection: 'facilitators',
      where: { is_active: { equals: true } },
      sort: 'name',
      page: query.page,
      limit: query.perPage,
      depth: 0,
      overrideAccess: false,
      req,
    })
    return {
      body: {
        facilitators: result.docs.map(serializeFacilitator),
        pagination: pagePagination({ page: result.page ?? query.page, pageSize: query.perPage, total: result.totalDocs }),
      },
    }
  },
)

facilitatorsRoutes.get(
  '/:id',
  {
    summary: 'A facilitator (spec 004)',
    auth: 'user',
    envelope: 'booking',
    params: FacilitatorParams,
    responses: { 200: FacilitatorOut, 404: 'Unknown or inactive' },
  },
  async ({ req, params }) => {
    const view = serializeFacilitator(await activeFacilitator(req, params.id))
    return { body: { ...view, facilitator: view } }
  },
)

facilitatorsRoutes.get(
  '/:id/events',
  {
    summary: "A facilitator's published events, soonest first (spec 004)",
    auth: 'user',
    envelope: 'booking',
    params: FacilitatorParams,
    query: PageQuery,
    responses: { 200: EventListOut },
  },
  async ({ req, params, query }) => {
    const facilitator = await activeFacilitator(req, params.id)
    const result = await req.payload.find({
      collection: 'events',
      where: { and: [{ facilitator: { equals: facilitator.id } }, { is_published: { equals: true } }] },
      sort: 'start_datetime',
      page: query.page,
      limit: query.perPage,
      depth: 0,
      overrideAccess: false,
      req,
      select: { description: false },
    })
    const pagination = pagePagination({ page: result.page ?? query.page, pageSize: query.perPage, total: result.totalDocs })
    return {
      body: {
        events: await serializeEvents(req, result.docs),
        total: result.totalDocs,
        page: pagination.page,
        pages: pagination.pages,
        pagination,
      },
    }
  },
)
