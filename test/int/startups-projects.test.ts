import { startTestApp, type TestApp } from '../helpers/app.ts'
import type { ApiResponse } from '../helpers/api.ts'
import { makeStaff, makeUser, unique } from '../helpers/factories.ts'
import { makeProject, makeStartupOwner, projectBody } from '../helpers/startups.ts'

let app: TestApp
let owner: Awaited<ReturnType<typeof makeStartupOwner>>
let other: Awaited<ReturnType<typeof makeStartupOwner>>
beforeAll(async () => {
  app = await startTestApp()
  owner = await makeStartupOwner(app)
  other = await makeStartupOwner(app)
})
afterAll(() => app.stop())

type Interface = 'v1' | 'rest' | 'graphql'
const INTERFACES: Interface[] = ['v1', 'rest', 'graphql']

/** Payload REST and GraphQL take numbers for money; /api/v1 takes spec 002's strings too. */
const asPayloadData = (body: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(body).map(([key, value]) => [
      key,
      ['funding_goal', 'current_funding'].includes(key) && typeof value === 'string' ? Number(value) : value,
    ]),
  )

const graphqlValue = (value: unknown): string =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? `{ ${Object.entries(value)
        .map(([key, inner]) => `${key}: ${graphqlValue(inner)}`)
        .join(', ')} }`
    : key(value)
const key = (value: unknown) =>
  typeof value === 'string' && /^[a-z]+$/.test(value) && ['draft', 'active', 'completed', 'cancelled'].includes(value)
    ? value
    : JSON.stringify(value)

/** Creates (or, with id, updates) a project on one interface; answers the status and {field: [messages]}. */
async function write(
  via: Interface,
  token: string,
  body: Record<string, unknown>,
  id?: number,
): Promise<{ status: number; fields: Record<string, string[]>; res: ApiResponse }> {
  if (via === 'v1') {
    const res = id
      ? await app.api.patch(`/api/v1/projects/${id}/`, body, { token })
      : await app.api.post('/api/v1/projects/', body, { token })
    return { status: res.status, fields: (res.body.errors ?? {}) as unknown as Record<string, string[]>, res }
  }
  if (via === 'rest') {
    const data = asPayloadData(body)
    const res = id ? await app.api.patch(`/api/projects/${id}`, data, { token }) : await app.api.post('/api/projects', data, { token })
    return { status: res.status, fields: payloadFields(res.body.errors?.[0]?.data?.errors), res }
  }
  const data = graphqlValue(asPayloadData(body)).replace(/status: "(\w+)"/, 'status: $1')
  const query = id ? `mutation { updateProject(id: ${id}, data: ${data}) { id } }` : `mutation { createProject(data: ${data}) { id } }`
  const res = await app.api.post('/api/graphql', { query }, { token })
  const error = res.body.errors?.[0]
  return { status: error ? Number(error.extensions?.statusCode) : 200, fields: payloadFields(error?.extensions?.data?.errors), res }
}

function payloadFields(errors: ApiResponse['body'] | undefined): Record<string, string[]> {
  const fields: Record<string, string[]> = {}
  for (const error of (errors ?? []) as unknown as { path: string; message: string }[]) (fields[error.path] ??= []).push(error.message)
  return fields
}

const RULES: { rule: string; body: () => Record<string, unknown>; field: string; message: string }[] = [
  {
    rule: 'startup must exist',
    body: () => projectBody(999999),
    field: 'startup',
    message: 'Invalid pk "999999" - object does not exist.',
  },
  { rule: 'title required', body: () => projectBody(owner.startupId, { title: '' }), field: 'title', message: 'This field is required.' },
  {
    rule: 'funding_goal required when is_participant',
    body: () => projectBody(owner.startupId, { is_participant: true, funding_goal: null, current_funding: null }),
    field: 'funding_goal',
    message: 'Funding goal is required when the project is a participant (is_participant).',
  },
  {
    rule: 'current_funding never above funding_goal',
    body: () => projectBody(owner.startupId, { funding_goal: '1000.00', current_funding: '1000.01' }),
    field: 'current_funding',
    message: 'Current funding must not exceed the funding goal.',
  },
  {
    rule: 'business_plan required when completed',
    body: () => projectBody(owner.startupId, { status: 'completed' }),
    field: 'business_plan',
    message: 'A business plan is required when the project is completed.',
  },
  { rule: 'email required', body: () => projectBody(owner.startupId, { email: '' }), field: 'email', message: 'This field is required.' },
  {
    rule: 'email valid',
    body: () => projectBody(owner.startupId, { email: 'not-an-email' }),
    field: 'email',
    message: 'Enter a valid email address.',
  },
]

describe("spec 002's project rules, identical on /api/v1, Payload REST and GraphQL", () => {
  it.each(RULES)('$rule', async ({ body, field, message }) => {
    for (const via of INTERFACES) {
      const { status, fields, res } = await write(via, owner.token, body())
      expect({ via, status, messages: fields[field] }).toEqual({ via, status: 400, messages: [message] })
      if (via === 'v1') expect(res.body).toMatchObject({ [field]: [message], detail: 'Validation failed' })
    }
  })

  it('holds on updates too: current_funding above the stored goal is refused everywhere', async () => {
    const id = await makeProject(app, owner, { funding_goal: '1000.00', current_funding: '0.00' })
    for (const via of INTERFACES) {
      const { status, fields } = await write(via, owner.token, { current_funding: via === 'v1' ? '2000.00' : 2000 }, id)
      expect({ via, status, fields }).toEqual({
        via,
        status: 400,
        fields: { current_funding: ['Current funding must not exceed the funding goal.'] },
      })
    }
  })

  it('creates a project as spec 002 documents it, money as exact decimal strings', async () => {
    const body = projectBody(owner.startupId, { funding_goal: '100000.10', current_funding: '5000.05' })
    const res = await app.api.post('/api/v1/projects/', body, { token: owner.token })
    expect(res.status).toBe(201)
    expect(res.body).toEqual({
      ...body,
      id: expect.any(Number),
      category: null,
      business_plan: null,
      created_at: expect.stringMatching(/^\d{4}-.*Z$/),
      updated_at: expect.stringMatching(/^\d{4}-.*Z$/),
    })
  })
})

describe("a startup's projects belong to its owners on every interface", () => {
  let projectId: number
  beforeAll(async () => {
    projectId = await makeProject(app, owner)
  })

  it.each(INTERFACES)('%s: another startup user cannot edit it (403) and nothing changes', async (via) => {
    const { status } = await write(via, other.token, { title: 'Hijacked' }, projectId)
    expect(status).toBe(403)
    const res = await app.api.get(`/api/v1/projects/${projectId}/`)
    expect(res.body.title).not.toBe('Hijacked')
  })

  it.each(INTERFACES)("%s: nobody creates a project for someone else's startup (403)", async (via) => {
    const { status } = await write(via, other.token, projectBody(owner.startupId))
    expect(status).toBe(403)
  })

  it('the other startup cannot delete it either (403 on /api/v1 and REST)', async () => {
    const v1 = await app.api.delete(`/api/v1/projects/${projectId}/`, { token: other.token })
    expect(v1.status).toBe(403)
    expect(v1.body).toMatchObject({ detail: 'You do not have permission to perform this action.' })
    const rest = await app.api.delete(`/api/projects/${projectId}`, { token: other.token })
    expect(rest.status).toBe(403)
  })

  it('the owner and staff may edit it', async () => {
    const mine = await app.api.patch(`/api/v1/projects/${projectId}/`, { title: 'Renamed' }, { token: owner.token })
    expect(mine.status).toBe(200)
    expect(mine.body.title).toBe('Renamed')
    const staff = await makeStaff(app)
    const rest = await app.api.patch(`/api/projects/${projectId}`, { title: 'By staff' }, { token: staff.token })
    expect(rest.status).toBe(200)
  })
})

describe('visibility and the list', () => {
  let draftId: number
  let activeId: number
  let hiddenId: number
  beforeAll(async () => {
    draftId = await makeProject(app, owner, { status: 'draft', title: `Draft ${unique()}` })
    activeId = await makeProject(app, owner, { title: `Visible ${unique()}` })
    hiddenId = await makeProject(app, owner, { is_active: false })
  })

  it('drafts are visible to their owners and staff only, on /api/v1 and REST', async () => {
    const stranger = await makeUser(app)
    expect((await app.api.get(`/api/v1/projects/${draftId}/`)).status).toBe(404)
    expect((await app.api.get(`/api/v1/projects/${draftId}/`, { token: stranger.token })).body).toMatchObject({ detail: 'Not found.' })
    expect((await app.api.get(`/api/projects/${draftId}`, { token: stranger.token })).status).toBe(404)
    expect((await app.api.get(`/api/v1/projects/${draftId}/`, { token: owner.token })).status).toBe(200)
    expect((await app.api.get(`/api/projects/${draftId}`, { token: owner.token })).status).toBe(200)
    const publicList = await app.api.get(`/api/v1/projects/?startup=${owner.startupId}&page_size=100`)
    const ids = (publicList.body.results as unknown as { id: number }[]).map((project) => project.id)
    expect(ids).toContain(activeId)
    expect(ids).not.toContain(draftId)
    expect(ids).not.toContain(hiddenId)
    const ownList = await app.api.get(`/api/v1/projects/?startup=${owner.startupId}&status=draft`, { token: owner.token })
    expect((ownList.body.results as unknown as { id: number }[]).map((project) => project.id)).toContain(draftId)
  })

  it('filters, searches, orders and pages with absolute links', async () => {
    const res = await app.api.get(`/api/v1/projects/?startup=${owner.startupId}&search=visible&ordering=-created_at&page_size=1`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ count: 1, next: null, previous: null, results: [expect.objectContaining({ id: activeId })] })
    const paged = await app.api.get(`/api/v1/projects/?startup=${owner.startupId}&page_size=1`, { token: owner.token })
    const next = new URL(String(paged.body.next))
    expect([next.pathname, next.searchParams.get('startup'), next.searchParams.get('page_size'), next.searchParams.get('page')]).toEqual([
      '/api/v1/projects/',
      String(owner.startupId),
      '1',
      '2',
    ])
    const bad = await app.api.get('/api/v1/projects/?status=nope')
    expect(bad.status).toBe(400)
    expect(bad.body.status).toEqual([expect.any(String)])
  })

  it("a startup's detail includes the projects the caller may see", async () => {
    const res = await app.api.get(`/api/v1/profiles/startups/${owner.startupId}/`)
    expect(res.status).toBe(200)
    const ids = (res.body.projects as unknown as { id: number }[]).map((project) => project.id)
    expect(ids).toContain(activeId)
    expect(ids).not.toContain(draftId)
  })
})

describe('startup profiles', () => {
  it('company_name is unique ignoring case, with the same message on /api/v1 and REST', async () => {
    const name = `Green ${unique()}`
    const user = await makeUser(app)
    expect((await app.api.post('/api/v1/profiles/startups/', { company_name: name, description: 'x' }, { token: user.token })).status).toBe(
      201,
    )
    const message = 'startup with this company name already exists.'
    const v1 = await app.api.post(
      '/api/v1/profiles/startups/',
      { company_name: name.toUpperCase(), description: 'x' },
      { token: user.token },
    )
    expect(v1.status).toBe(400)
    expect(v1.body).toMatchObject({ company_name: [message] })
    const rest = await app.api.post('/api/startups', { company_name: name.toLowerCase(), description: 'x' }, { token: user.token })
    expect(rest.status).toBe(400)
    expect(payloadFields(rest.body.errors?.[0]?.data?.errors)).toEqual({ company_name: [message] })
  })

  it('company_name and description are required', async () => {
    const user = await makeUser(app)
    const res = await app.api.post('/api/v1/profiles/startups/', { company_name: '', description: '' }, { token: user.token })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ company_name: ['This field is required.'], description: ['This field is required.'] })
  })

  it('the creator owns it and holds the startup role; others cannot change it', async () => {
    const me = await app.api.get('/api/v1/users/me', { token: owner.token })
    expect(JSON.stringify(me.body)).toContain('startup')
    const res = await app.api.patch(`/api/v1/profiles/startups/${owner.startupId}/`, { description: 'mine now' }, { token: other.token })
    expect(res.status).toBe(403)
    expect(res.body).toMatchObject({ detail: 'You do not have permission to perform this action.' })
  })

  it('lists with search, industry and stage filters, DRF-paged', async () => {
    const user = await makeUser(app)
    const tag = unique()
    const make = (company_name: string, industry: string, stage: string) =>
      app.api.post('/api/v1/profiles/startups/', { company_name, description: `About ${tag}`, industry, stage }, { token: user.token })
    const fintech = await make(`Pay ${tag}`, `fintech-${tag}`, 'seed')
    await make(`Heal ${tag}`, `health-${tag}`, 'seed')
    const res = await app.api.get(`/api/v1/profiles/startups/?search=${tag}&industry=fintech-${tag}&stage=seed`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      count: 1,
      next: null,
      previous: null,
      results: [expect.objectContaining({ id: fintech.body.id, stage: 'seed' })],
    })
    expect((await app.api.get(`/api/v1/profiles/startups/?search=${tag}`)).body.count).toBe(2)
  })
})
