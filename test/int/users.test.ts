import { startTestApp, type TestApp } from '../helpers/app.ts'
import { makeStaff, makeUser, unique } from '../helpers/factories.ts'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.stop())

const rolesOf = async (id: number) => (await app.payload.findByID({ collection: 'users', id, overrideAccess: true })).roles

describe('GET /api/v1/auth/me and /auth/profile', () => {
  it("auth/me answers spec 003's flat shape", async () => {
    const { token, user } = await makeUser(app, { username: `me${unique()}` })
    const res = await app.api.get('/api/v1/auth/me/', { token })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      id: user.id,
      username: user.username,
      email: user.email,
      role: 'user',
      created_at: expect.stringMatching(/Z$/),
    })
  })

  it("auth/profile answers spec 004's {user}", async () => {
    const { token, user } = await makeUser(app, {
      first_name: 'John',
      last_name: 'Doe',
      phone: `+1202555${String(1000 + Math.floor(Math.random() * 8999))}`,
    })
    const res = await app.api.get('/api/v1/auth/profile', { token })
    expect(res.body.user).toMatchObject({
      id: user.id,
      email: user.email,
      first_name: 'John',
      last_name: 'Doe',
      phone: user.phone,
      is_active: true,
    })
  })

  it('needs a token (401)', async () => {
    const res = await app.api.get('/api/v1/auth/me')
    expect(res.status).toBe(401)
    expect(res.body).toEqual({ detail: 'Authentication credentials were not provided.' })
  })
})

describe('GET / PATCH /api/v1/users/me', () => {
  it("returns the user with the profile, flat and in HumanLink's envelope", async () => {
    const { token, user } = await makeUser(app)
    const res = await app.api.get('/api/v1/users/me/', { token })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      id: user.id,
      email: user.email,
      role: 'user',
      success: true,
      data: { id: user.id, profile: { bio: null, skills: [] } },
    })
  })

  it('updates account and profile fields together (spec 000 and 001 bodies)', async () => {
    const { token } = await makeUser(app)
    const res = await app.api.patch(
      '/api/v1/users/me',
      {
        full_name: 'John Doe',
        bio: 'Software developer',
        location: 'San Francisco, CA',
        linkedin_url: 'https://linkedin.com/in/johndoe',
        github_url: 'https://github.com/johndoe',
        first_name: 'John',
        personality_data: { interests: ['technology', 'music'] },
        skills: ['TypeScript', 'Postgres'],
        timezone: 'America/Los_Angeles',
      },
      { token },
    )
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      success: true,
      message: 'Profile updated successfully',
      data: {
        full_name: 'John Doe',
        first_name: 'John',
        bio: 'Software developer',
        location: 'San Francisco, CA',
        linkedin_url: 'https://linkedin.com/in/johndoe',
        github_url: 'https://github.com/johndoe',
        personality_data: { interests: ['technology', 'music'] },
        skills: ['TypeScript', 'Postgres'],
        timezone: 'America/Los_Angeles',
        profile: { bio: 'Software developer' },
      },
    })
    const profile = await app.api.get('/api/v1/users/me', { token })
    expect(profile.body.bio).toBe('Software developer')
  })

  it('validates URLs and other fields, with HumanLink error keys', async () => {
    const { token } = await makeUser(app)
    const res = await app.api.patch(
      '/api/v1/users/me/',
      { linkedin_url: 'https://evil.example/in/x', website: 'javascript:alert(1)', timezone: 'Nowhere/City' },
      { token },
    )
    expect(res.status).toBe(400)
    expect(res.body).toEqual({
      success: false,
      detail: 'Validation failed',
      message: 'Validation failed',
      errors: { linkedin_url: ['Enter a linkedin.com URL.'], website: ['Enter a valid URL.'], timezone: [expect.any(String)] },
    })
  })

  it('refuses a username another user has (409)', async () => {
    const taken = await makeUser(app, { username: `taken${unique()}` })
    const { token } = await makeUser(app)
    const res = await app.api.patch('/api/v1/users/me', { username: taken.user.username }, { token })
    expect(res.status).toBe(409)
    expect(res.body.errors).toEqual({ username: ['A user with this username already exists.'] })
  })
})

describe('privilege escalation', () => {
  it('a user PATCHing roles via /api/v1 gets 400 and stays a plain user', async () => {
    const { token, user } = await makeUser(app)
    const res = await app.api.patch('/api/v1/users/me', { roles: ['admin'], is_active: true, is_verified: true }, { token })
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual({
      roles: ['You cannot change this field.'],
      is_active: ['You cannot change this field.'],
      is_verified: ['You cannot change this field.'],
    })
    expect(await rolesOf(user.id)).toEqual(['user'])
  })

  it('a user PATCHing roles via Payload REST /api/users/{id} stays a plain user', async () => {
    const { token, user } = await makeUser(app)
    const res = await app.api.patch(`/api/users/${user.id}`, { roles: ['admin'], is_verified: true, first_name: 'Ok' }, { token })
    expect(res.status).toBe(200)
    expect(await rolesOf(user.id)).toEqual(['user'])
    const after = await app.payload.findByID({ collection: 'users', id: user.id, overrideAccess: true })
    expect(after).toMatchObject({ first_name: 'Ok', is_verified: false })
  })

  it('a user PATCHing roles via GraphQL stays a plain user', async () => {
    const { token, user } = await makeUser(app)
    const res = await app.api.post(
      '/api/graphql',
      { query: `mutation { updateUser(id: ${user.id}, data: { roles: [admin], is_active: true }) { id } }` },
      { token },
    )
    expect(res.status).toBe(200)
    expect(await rolesOf(user.id)).toEqual(['user'])
  })

  it('a user cannot update someone else on any interface', async () => {
    const { token } = await makeUser(app)
    const victim = await makeUser(app)
    expect((await app.api.patch(`/api/users/${victim.user.id}`, { first_name: 'Pwned' }, { token })).status).toBe(403)
    const after = await app.payload.findByID({ collection: 'users', id: victim.user.id, overrideAccess: true })
    expect(after.first_name).not.toBe('Pwned')
  })

  it('managers manage users but cannot grant manager or admin; admins can', async () => {
    const manager = await makeStaff(app, 'manager')
    const admin = await makeStaff(app, 'admin')
    const target = await makeUser(app)
    await app.api.patch(`/api/users/${target.user.id}`, { roles: ['admin'] }, { token: manager.token })
    expect(await rolesOf(target.user.id)).toEqual(['user'])
    await app.api.patch(`/api/users/${target.user.id}`, { roles: ['user', 'facilitator'] }, { token: manager.token })
    expect(await rolesOf(target.user.id)).toEqual(['user', 'facilitator'])
    expect((await app.api.patch(`/api/users/${admin.user.id}`, { first_name: 'Demoted' }, { token: manager.token })).status).toBe(403)
    await app.api.patch(`/api/users/${target.user.id}`, { roles: ['manager'] }, { token: admin.token })
    expect(await rolesOf(target.user.id)).toEqual(['manager'])
  })

  it('nobody but the user and staff reads roles, is_active or is_verified; nobody reads password hashes', async () => {
    const { token, user } = await makeUser(app)
    const own = await app.api.get(`/api/users/${user.id}`, { token })
    expect(own.body).toMatchObject({ roles: ['user'], is_active: true })
    expect(own.body.hash).toBeUndefined()
    expect(own.body.salt).toBeUndefined()
    const staff = await makeStaff(app)
    const asStaff = await app.api.get(`/api/users/${user.id}`, { token: staff.token })
    expect(asStaff.body).toMatchObject({ roles: ['user'] })
    expect(asStaff.body.hash).toBeUndefined()
  })
})

describe('GET /api/v1/users/{id}', () => {
  it('shows other members only public fields', async () => {
    const { token } = await makeUser(app)
    const other = await makeUser(app, {
      first_name: 'Pub',
      username: `pub${unique()}`,
      phone: `+1202555${String(1000 + Math.floor(Math.random() * 8999))}`,
    })
    const res = await app.api.get(`/api/v1/users/${other.user.id}/`, { token })
    expect(res.status).toBe(200)
    expect(res.body.data).toEqual({
      id: other.user.id,
      username: other.user.username,
      first_name: 'Pub',
      last_name: null,
      full_name: 'Pub',
      created_at: expect.any(String),
      profile: expect.objectContaining({ bio: null }),
    })
    expect(JSON.stringify(res.body)).not.toContain(other.email)
  })

  it('shows staff everything', async () => {
    const staff = await makeStaff(app, 'manager')
    const other = await makeUser(app)
    const res = await app.api.get(`/api/v1/users/${other.user.id}`, { token: staff.token })
    expect(res.body.data).toMatchObject({ email: other.email, roles: ['user'], is_active: true })
  })

  it('answers 404 for unknown ids and 400 for malformed ones', async () => {
    const { token } = await makeUser(app)
    expect(await app.api.get('/api/v1/users/99999999', { token })).toMatchObject({
      status: 404,
      body: { detail: 'User not found.', success: false },
    })
    expect((await app.api.get('/api/v1/users/abc', { token })).status).toBe(400)
  })
})

describe('GET /api/v1/users (staff)', () => {
  it('is staff-only', async () => {
    const { token } = await makeUser(app)
    const res = await app.api.get('/api/v1/users', { token })
    expect(res.status).toBe(403)
    expect(res.body).toMatchObject({ success: false, detail: expect.any(String) })
  })

  it("pages, searches, orders and filters by date in HumanLink's envelope", async () => {
    const staff = await makeStaff(app)
    const tag = unique()
    for (const name of ['Alpha', 'Bravo', 'Charlie'])
      await makeUser(app, { first_name: name, email: `${name.toLowerCase()}-${tag}@list.example` })
    const res = await app.api.get(`/api/v1/users/?search=${tag}&page_size=2&ordering=email`, { token: staff.token })
    expect(res.status).toBe(200)
    expect(res.body.success).toBe(true)
    expect(res.body.data.results.map((user) => user.first_name)).toEqual(['Alpha', 'Bravo'])
    expect(res.body.pagination).toMatchObject({
      count: 3,
      page: 1,
      page_size: 2,
      pages: 2,
      previous: null,
      next: expect.stringContaining('page=2'),
    })
    const second = await app.api.get(`/api/v1/users?search=${tag}&page_size=2&ordering=email&page=2`, { token: staff.token })
    expect(second.body.data.results.map((user) => user.first_name)).toEqual(['Charlie'])
    const descending = await app.api.get(`/api/v1/users?search=${tag}&ordering=-email`, { token: staff.token })
    expect(descending.body.data.results.map((user) => user.first_name)).toEqual(['Charlie', 'Bravo', 'Alpha'])
    const future = await app.api.get(`/api/v1/users?search=${tag}&date_after=${new Date(Date.now() + 60_000).toISOString()}`, {
      token: staff.token,
    })
    expect(future.body.data.results).toEqual([])
    const past = await app.api.get(`/api/v1/users?search=${tag}&date_before=${new Date(Date.now() + 60_000).toISOString()}`, {
      token: staff.token,
    })
    expect(past.body.data.count).toBe(3)
  })

  it('validates page_size <= 100 and ordering', async () => {
    const staff = await makeStaff(app)
    const res = await app.api.get('/api/v1/users?page_size=500&ordering=password', { token: staff.token })
    expect(res.status).toBe(400)
    expect(Object.keys(res.body.errors).sort()).toEqual(['ordering', 'page_size'])
  })
})
