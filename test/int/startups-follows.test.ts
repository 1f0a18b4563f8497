import { sql } from '@payloadcms/db-postgres'
import { startTestApp, type TestApp } from '../helpers/app.ts'
import { cookieJar } from '../helpers/cookieJar.ts'
import { makeStaff, makeUser, TEST_PASSWORD, unique } from '../helpers/factories.ts'
import { connectInbox, nextEvent } from '../helpers/socket.ts'
import { makeInvestor, makeProject, makeStartupOwner } from '../helpers/startups.ts'
import { rootDb } from '../../src/lib/transaction.ts'

let app: TestApp
const TRUSTED = 'https://app.example.com'
beforeAll(async () => {
  app = await startTestApp({ env: { CORS_ORIGINS: TRUSTED } })
})
afterAll(() => app.stop())

const inbox = (token: string, type: string) => app.api.get(`/api/v1/communications/notifications/?type=${type}&page_size=100`, { token })

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const result = await rootDb(app.payload).execute(query)
  return Number((result.rows[0] as { n: number | string }).n)
}

describe('POST projects/{id}/follow/ and unfollow', () => {
  it('follows (201, documented body), refuses a duplicate, unfollows, refuses a second unfollow, re-follows the same row', async () => {
    const owner = await makeStartupOwner(app)
    const projectId = await makeProject(app, owner)
    const investor = await makeInvestor(app)
    const startup = await app.api.get(`/api/v1/profiles/startups/${owner.startupId}/`)
    const project = await app.api.get(`/api/v1/projects/${projectId}/`)

    const follow = await app.api.post(`/api/v1/projects/${projectId}/follow/`, undefined, { token: investor.token })
    expect(follow.status).toBe(201)
    expect(follow.body).toEqual({
      id: expect.any(Number),
      investor: investor.investorId,
      project: projectId,
      followed_at: expect.stringMatching(/Z$/),
      is_active: true,
      investor_name: investor.name,
      project_title: project.body.title,
      startup_name: startup.body.company_name,
    })

    const again = await app.api.post(`/api/v1/projects/${projectId}/follow/`, undefined, { token: investor.token })
    expect(again.status).toBe(400)
    expect(again.body).toMatchObject({ detail: 'You are already following this project.' })

    const mine = await app.api.get('/api/v1/investors/follows/', { token: investor.token })
    expect(mine.status).toBe(200)
    expect(mine.body).toEqual({ count: 1, next: null, previous: null, results: [follow.body] })

    const unfollow = await app.api.patch(`/api/v1/investors/follows/${follow.body.id}/`, { is_active: false }, { token: investor.token })
    expect(unfollow.status).toBe(200)
    expect(unfollow.body).toEqual({ detail: 'Successfully unfollowed the project.' })
    const twice = await app.api.patch(`/api/v1/investors/follows/${follow.body.id}/`, { is_active: false }, { token: investor.token })
    expect(twice.status).toBe(400)
    expect(twice.body).toMatchObject({ detail: 'You are not currently following this project.' })
    expect((await app.api.get('/api/v1/investors/follows/', { token: investor.token })).body.count).toBe(0)

    const refollow = await app.api.post(`/api/v1/projects/${projectId}/follow/`, undefined, { token: investor.token })
    expect(refollow.status).toBe(201)
    expect(refollow.body.id).toBe(follow.body.id)
    expect(await count(sql`SELECT count(*) AS n FROM project_follows WHERE project_id = ${projectId}`)).toBe(1)

    // The startup's owner heard about the follow (project_followed), once per follow.
    const told = await inbox(owner.token, 'project_followed')
    expect(told.body.count).toBe(2)
    expect(told.body.results[0]).toMatchObject({
      actor: { type: 'investor', investor_id: investor.investorId, display_name: investor.name },
    })
  })

  it('refuses non-investors (403), unknown projects (404), drafts of others (404) and own projects (400)', async () => {
    const owner = await makeStartupOwner(app)
    const projectId = await makeProject(app, owner)
    const draftId = await makeProject(app, owner, { status: 'draft' })
    const member = await makeUser(app)
    const notInvestor = await app.api.post(`/api/v1/projects/${projectId}/follow/`, undefined, { token: member.token })
    expect(notInvestor.status).toBe(403)
    expect(notInvestor.body).toMatchObject({ detail: 'Only investors can follow projects.' })
    expect((await app.api.post(`/api/v1/projects/${projectId}/follow/`)).status).toBe(401)

    const investor = await makeInvestor(app)
    const unknown = await app.api.post('/api/v1/projects/999999/follow/', undefined, { token: investor.token })
    expect(unknown.status).toBe(404)
    expect(unknown.body).toMatchObject({ detail: 'Project not found.' })
    const draft = await app.api.post(`/api/v1/projects/${draftId}/follow/`, undefined, { token: investor.token })
    expect(draft.status).toBe(404)

    // The startup's owner also binds to an investor company: following their own project is refused.
    await app.api.post(
      '/api/v1/auth/bind-company/',
      { company_name: `Own fund ${unique()}`, company_type: 'investor' },
      { token: owner.token },
    )
    const own = await app.api.post(`/api/v1/projects/${projectId}/follow/`, undefined, { token: owner.token })
    expect(own.status).toBe(400)
    expect(own.body).toMatchObject({ detail: 'You cannot follow a project of your own company.' })
  })

  it("someone else's follow cannot be unfollowed (404)", async () => {
    const owner = await makeStartupOwner(app)
    const projectId = await makeProject(app, owner)
    const [first, second] = [await makeInvestor(app), await makeInvestor(app)]
    const follow = await app.api.post(`/api/v1/projects/${projectId}/follow/`, undefined, { token: first.token })
    const res = await app.api.patch(`/api/v1/investors/follows/${follow.body.id}/`, { is_active: false }, { token: second.token })
    expect(res.status).toBe(404)
  })

  it('30 parallel follow requests by one investor make one active follow', async () => {
    const owner = await makeStartupOwner(app)
    const projectId = await makeProject(app, owner)
    const investor = await makeInvestor(app)
    const responses = await Promise.all(
      Array.from({ length: 30 }, () => app.api.post(`/api/v1/projects/${projectId}/follow/`, undefined, { token: investor.token })),
    )
    const statuses = responses.map((res) => res.status).sort()
    expect(statuses).toEqual([201, ...Array.from({ length: 29 }, () => 400)])
    const refusals = new Set(responses.filter((res) => res.status === 400).map((res) => String(res.body.detail)))
    expect([...refusals]).toEqual(['You are already following this project.'])
    expect(await count(sql`SELECT count(*) AS n FROM project_follows WHERE project_id = ${projectId} AND is_active`)).toBe(1)
    expect((await inbox(owner.token, 'project_followed')).body.count).toBe(1)
  })
})

describe('GET projects/{id}/followers/', () => {
  it('lists active followers; investor_email only for the owners and staff', async () => {
    const owner = await makeStartupOwner(app)
    const projectId = await makeProject(app, owner)
    const investor = await makeInvestor(app)
    // bind-company leaves the description empty; it is required from the first edit on.
    const profilePath = `/api/v1/profiles/investors/${investor.investorId}/`
    const incomplete = await app.api.patch(profilePath, { contact_email: 'contact@fund.example' }, { token: investor.token })
    expect(incomplete.status).toBe(400)
    expect(incomplete.body).toMatchObject({ description: ['This field is required.'] })
    const profile = { contact_email: 'contact@fund.example', description: 'Seed fund' }
    expect((await app.api.patch(profilePath, profile, { token: investor.token })).status).toBe(200)
    const follow = await app.api.post(`/api/v1/projects/${projectId}/follow/`, undefined, { token: investor.token })
    const expected = {
      id: follow.body.id,
      investor: investor.investorId,
      project: projectId,
      followed_at: follow.body.followed_at,
      is_active: true,
      investor_name: investor.name,
    }
    const asOwner = await app.api.get(`/api/v1/projects/${projectId}/followers/`, { token: owner.token })
    expect(asOwner.status).toBe(200)
    expect(asOwner.body).toEqual({
      count: 1,
      next: null,
      previous: null,
      results: [{ ...expected, investor_email: 'contact@fund.example' }],
    })
    const staff = await makeStaff(app)
    expect((await app.api.get(`/api/v1/projects/${projectId}/followers/`, { token: staff.token })).body.results[0].investor_email).toBe(
      'contact@fund.example',
    )
    const stranger = await makeUser(app)
    const asOther = await app.api.get(`/api/v1/projects/${projectId}/followers/`, { token: stranger.token })
    expect(asOther.body).toEqual({ count: 1, next: null, previous: null, results: [expected] })
  })
})

describe('project updates reach followers', () => {
  it("an update by the owner arrives on a follower's socket and in their inbox; non-owners cannot post", async () => {
    const owner = await makeStartupOwner(app)
    const projectId = await makeProject(app, owner)
    const investor = await makeInvestor(app)
    const bystander = await makeInvestor(app)
    await app.api.post(`/api/v1/projects/${projectId}/follow/`, undefined, { token: investor.token })
    const { socket } = await connectInbox(app.url, investor.token)
    try {
      const pushed = nextEvent<{ title: string; notification_type: { code: string } }>(socket, 'notification:new')
      const posted = await app.api.post(
        `/api/v1/projects/${projectId}/updates/`,
        { title: 'We shipped', body: 'v2 is live' },
        { token: owner.token },
      )
      expect(posted.status).toBe(201)
      expect(posted.body).toEqual({
        id: expect.any(Number),
        project: projectId,
        title: 'We shipped',
        body: 'v2 is live',
        created_by: owner.user.id,
        created_at: expect.stringMatching(/Z$/),
      })
      await expect(pushed).resolves.toMatchObject({
        title: expect.stringContaining('We shipped'),
        notification_type: { code: 'project_update' },
      })
    } finally {
      socket.close()
    }
    const received = await inbox(investor.token, 'project_update')
    expect(received.body.count).toBe(1)
    expect(received.body.results[0]).toMatchObject({ message: 'v2 is live', redirect: { kind: 'project_update' } })
    expect((await inbox(bystander.token, 'project_update')).body.count).toBe(0)

    const intruder = await app.api.post(`/api/v1/projects/${projectId}/updates/`, { title: 'x', body: 'y' }, { token: investor.token })
    expect(intruder.status).toBe(403)
    const list = await app.api.get(`/api/v1/projects/${projectId}/updates/`)
    expect(list.body).toMatchObject({ count: 1, results: [{ title: 'We shipped' }] })
  })

  it('an update created through Payload REST notifies followers too', async () => {
    const owner = await makeStartupOwner(app)
    const projectId = await makeProject(app, owner)
    const investor = await makeInvestor(app)
    await app.api.post(`/api/v1/projects/${projectId}/follow/`, undefined, { token: investor.token })
    const res = await app.api.post('/api/project-updates', { project: projectId, title: 'Via REST', body: 'hello' }, { token: owner.token })
    expect(res.status).toBe(201)
    expect((await inbox(investor.token, 'project_update')).body.results[0]).toMatchObject({ title: expect.stringContaining('Via REST') })
  })
})

describe('funding milestones', () => {
  async function followedProject() {
    const owner = await makeStartupOwner(app)
    const projectId = await makeProject(app, owner, { funding_goal: '1000.00', current_funding: '0.00' })
    const investor = await makeInvestor(app)
    await app.api.post(`/api/v1/projects/${projectId}/follow/`, undefined, { token: investor.token })
    return { owner, projectId, investor }
  }
  const milestones = async (token: string) =>
    ((await inbox(token, 'funding_milestone')).body.results as unknown as { title: string }[])
      .map((n) => n.title.match(/(\d+)%/)?.[1])
      .sort()

  it('arrive once each when current_funding passes the same threshold twice', async () => {
    const { owner, projectId, investor } = await followedProject()
    const patch = (value: string) => app.api.patch(`/api/v1/projects/${projectId}/`, { current_funding: value }, { token: owner.token })
    expect((await patch('300.00')).status).toBe(200)
    expect(await milestones(investor.token)).toEqual(['25'])
    await patch('100.00')
    await patch('310.00')
    expect(await milestones(investor.token)).toEqual(['25'])
    // Through Payload REST as well: one interface's crossing is the other's.
    expect((await app.api.patch(`/api/projects/${projectId}`, { current_funding: 800 }, { token: owner.token })).status).toBe(200)
    expect(await milestones(investor.token)).toEqual(['25', '50', '75'])
    expect((await patch('1000.00')).body.current_funding).toBe('1000.00')
    expect(await milestones(investor.token)).toEqual(['100', '25', '50', '75'])
  })

  it('arrive once when two updates race past the same threshold', async () => {
    const { owner, projectId, investor } = await followedProject()
    const results = await Promise.all(
      ['600.00', '700.00'].map((value) =>
        app.api.patch(`/api/v1/projects/${projectId}/`, { current_funding: value }, { token: owner.token }),
      ),
    )
    expect(results.map((res) => res.status)).toEqual([200, 200])
    expect(await milestones(investor.token)).toEqual(['25', '50'])
  })
})

describe('POST auth/bind-company/', () => {
  it('bearer: creates a new startup, then binds a second user to it case-insensitively, granting the role', async () => {
    const name = `Tech Innovations ${unique()}`
    const first = await makeUser(app)
    const created = await app.api.post(
      '/api/v1/auth/bind-company/',
      { company_name: name, company_type: 'startup' },
      { token: first.token },
    )
    expect(created.status).toBe(201)
    expect(created.body).toEqual({
      message: `Successfully created and bound to new startup: ${name}`,
      company_type: 'startup',
      company_id: expect.any(Number),
    })
    const second = await makeUser(app)
    const bound = await app.api.post(
      '/api/v1/auth/bind-company/',
      { company_name: name.toUpperCase(), company_type: 'startup' },
      { token: second.token },
    )
    expect(bound.status).toBe(200)
    expect(bound.body).toEqual({
      message: `Successfully bound to existing startup: ${name}`,
      company_type: 'startup',
      company_id: created.body.company_id,
    })
    const startup = await app.api.get(`/api/v1/profiles/startups/${created.body.company_id}/`)
    expect(startup.body.owners).toEqual([first.user.id, second.user.id])
    const roles = await rootDb(app.payload).execute(sql`SELECT value FROM users_roles WHERE parent_id = ${second.user.id} ORDER BY "order"`)
    expect(roles.rows.map((row) => (row as { value: string }).value)).toEqual(['user', 'startup'])
  })

  it('cookie session (with CSRF): binds to a new and to an existing investor', async () => {
    const name = `Acme Ventures ${unique()}`
    const binds = []
    for (const _ of [1, 2]) {
      const { email } = await makeUser(app)
      const browser = cookieJar(app.api, TRUSTED)
      const csrf = String((await browser.get('/api/v1/auth/csrf/')).body.csrfToken)
      await browser.post('/api/v1/auth/jwt/create/', { email, password: TEST_PASSWORD }, { headers: { 'x-csrftoken': csrf } })
      const withoutCsrf = await browser.post('/api/v1/auth/bind-company/', { company_name: name, company_type: 'investor' })
      expect(withoutCsrf.status).toBe(403)
      binds.push(
        await browser.post(
          '/api/v1/auth/bind-company/',
          { company_name: name, company_type: 'investor' },
          { headers: { 'x-csrftoken': csrf } },
        ),
      )
    }
    expect(binds.map((res) => [res.status, res.body.message])).toEqual([
      [201, `Successfully created and bound to new investor: ${name}`],
      [200, `Successfully bound to existing investor: ${name}`],
    ])
    expect(binds[1].body.company_id).toBe(binds[0].body.company_id)
  })

  it('refuses a bad company_type and an empty name (400, DRF fields)', async () => {
    const user = await makeUser(app)
    const res = await app.api.post('/api/v1/auth/bind-company/', { company_name: '', company_type: 'bank' }, { token: user.token })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ company_name: [expect.any(String)], company_type: [expect.any(String)] })
  })
})
