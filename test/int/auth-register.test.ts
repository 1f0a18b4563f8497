import { poolOf } from '../../src/lib/db/pool.ts'
import { startTestApp, type TestApp } from '../helpers/app.ts'
import { unique } from '../helpers/factories.ts'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.stop())

const PASSWORD = 'securepassword123'
const authShape = (user: Record<string, unknown>) => ({
  message: 'User registered successfully',
  user: expect.objectContaining({
    id: expect.any(Number),
    role: 'user',
    roles: ['user'],
    is_active: true,
    is_verified: false,
    created_at: expect.stringMatching(/Z$/),
    ...user,
  }),
  access_token: expect.any(String),
  refresh_token: expect.any(String),
  token_type: 'bearer',
  expires_in: expect.any(Number),
  access: expect.any(String),
  refresh: expect.any(String),
  success: true,
  data: { user: expect.objectContaining(user), access: expect.any(String), refresh: expect.any(String) },
})

describe('POST /api/v1/auth/register', () => {
  it('accepts spec 000: username + email', async () => {
    const username = `john${unique()}`
    const res = await app.api.post('/api/v1/auth/register', { username, email: `${username}@example.com`, password: PASSWORD })
    expect(res.status).toBe(201)
    expect(res.body).toEqual(authShape({ username, email: `${username}@example.com`, phone: null }))
    expect(res.body.access_token).toBe(res.body.access)
  })

  it('accepts spec 000: username + phone (normalised to E.164)', async () => {
    const username = `phone${unique()}`
    const res = await app.api.post('/api/v1/auth/register/', {
      username,
      phone: '+1 (415) 555-01' + String(Math.floor(Math.random() * 90) + 10),
      password: PASSWORD,
    })
    expect(res.status).toBe(201)
    expect(res.body.user).toMatchObject({ username, email: null, phone: expect.stringMatching(/^\+1415555\d{4}$/) })
  })

  it('accepts spec 001: email + names + personality_data', async () => {
    const email = `humanlink-${unique()}@example.com`
    const personality_data = { interests: ['technology', 'sports'], communication_style: 'friendly' }
    const res = await app.api.post('/api/v1/auth/register/', {
      email,
      password: PASSWORD,
      first_name: 'John',
      last_name: 'Doe',
      personality_data,
    })
    expect(res.status).toBe(201)
    expect(res.body).toEqual(authShape({ email, first_name: 'John', last_name: 'Doe', full_name: 'John Doe' }))
    const me = await app.api.get('/api/v1/users/me', { token: String(res.body.access) })
    expect(me.body.data.personality_data).toEqual(personality_data)
  })

  it('accepts spec 003: username + email, answering access_token and token_type', async () => {
    const username = `ailice${unique()}`
    const res = await app.api.post('/api/v1/auth/register', { username, email: `${username}@example.com`, password: PASSWORD })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ access_token: expect.any(String), token_type: 'bearer' })
  })

  it('accepts spec 004: email + names + phone, answering message and user', async () => {
    const email = `booking-${unique()}@example.com`
    const phone = `+4420${Math.floor(10_000_000 + Math.random() * 89_999_999)}`
    const res = await app.api.post('/api/v1/auth/register', { email, password: PASSWORD, first_name: 'John', last_name: 'Doe', phone })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      message: 'User registered successfully',
      user: { email, first_name: 'John', last_name: 'Doe', phone, is_active: true },
    })
  })

  it('stores the password as argon2id (m=19456, t=2, p=1) and creates the profile', async () => {
    const email = `hash-${unique()}@example.com`
    const res = await app.api.post('/api/v1/auth/register', { email, password: PASSWORD })
    const { rows } = await poolOf(app.payload).query('SELECT hash, salt FROM users WHERE email = $1', [email])
    expect(rows[0].hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(rows[0].salt).toBeNull()
    const profiles = await app.payload.find({ collection: 'profiles', where: { user: { equals: res.body.user.id } }, overrideAccess: true })
    expect(profiles.totalDocs).toBe(1)
  })

  it.each([
    ['email', (tag: string) => ({ email: `dup-${tag}@example.com` }), (tag: string) => ({ email: `DUP-${tag}@Example.com` })],
    [
      'username',
      (tag: string) => ({ username: `dup${tag}`, email: `a-${tag}@example.com` }),
      (tag: string) => ({ username: `DUP${tag}`, email: `b-${tag}@example.com` }),
    ],
    [
      'phone',
      (tag: string) => ({ username: `pa${tag}`, phone: `+3361234${tag.slice(0, 4).replace(/\D/g, '7').padEnd(4, '7')}` }),
      (tag: string) => ({ username: `pb${tag}`, phone: `+33 6 1234 ${tag.slice(0, 4).replace(/\D/g, '7').padEnd(4, '7')}` }),
    ],
  ])('refuses a duplicate %s with 409 and the field named', async (field, first, second) => {
    const tag = unique()
    expect((await app.api.post('/api/v1/auth/register', { ...first(tag), password: PASSWORD })).status).toBe(201)
    const res = await app.api.post('/api/v1/auth/register', { ...second(tag), password: PASSWORD })
    expect(res.status).toBe(409)
    expect(res.body).toEqual({ detail: expect.any(String), errors: { [field]: [expect.any(String)] } })
  })

  it('lets exactly one of 10 concurrent registrations of the same email through', async () => {
    const email = `race-${unique()}@example.com`
    const results = await Promise.all(
      Array.from({ length: 10 }, () => app.api.post('/api/v1/auth/register', { email, password: PASSWORD })),
    )
    expect(results.map((res) => res.status).sort()).toEqual([201, ...Array(9).fill(409)])
  })

  it.each([
    ['too short', 'abc12'],
    ['too common', 'password123'],
    ['entirely numeric', '1234567890123'],
  ])('refuses a %s password with errors.password', async (_label, password) => {
    const res = await app.api.post('/api/v1/auth/register', { email: `weak-${unique()}@example.com`, password })
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ detail: 'Validation failed', errors: { password: [expect.any(String)] } })
  })

  it('refuses a password that contains the email name', async () => {
    const res = await app.api.post('/api/v1/auth/register', { email: 'margaret.hamilton@example.com', password: 'margaret.hamilton-1969' })
    expect(res.status).toBe(400)
    expect(res.body.errors.password).toEqual(['This password is too similar to the account name or email.'])
  })

  it('needs an email or a phone, and valid values', async () => {
    const none = await app.api.post('/api/v1/auth/register', { username: `nobody${unique()}`, password: PASSWORD })
    expect(none.status).toBe(400)
    expect(none.body.errors).toEqual({ email: ['Provide an email address or a phone number.'] })
    const bad = await app.api.post('/api/v1/auth/register', {
      email: 'not-an-email',
      phone: '12',
      username: 'x',
      password: PASSWORD,
      timezone: 'Mars/Base',
    })
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.body.errors).sort()).toEqual(['email', 'phone', 'timezone', 'username'])
  })

  it('never lets a registration choose its roles or status', async () => {
    const email = `sneaky-${unique()}@example.com`
    const res = await app.api.post('/api/v1/auth/register', {
      email,
      password: PASSWORD,
      roles: ['admin'],
      role: 'admin',
      is_verified: true,
      is_active: false,
    })
    expect(res.status).toBe(201)
    expect(res.body.user).toMatchObject({ roles: ['user'], role: 'user', is_verified: false, is_active: true })
  })
})
