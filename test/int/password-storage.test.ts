import crypto from 'node:crypto'
import { jest } from '@jest/globals'
import { startTestApp, type TestApp } from '../helpers/app.ts'
import { sqlRows } from '../helpers/db.ts'
import { TEST_PASSWORD, makeStaff, makeUser, storeLegacyPayloadHash, unique } from '../helpers/factories.ts'

const ARGON2ID = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/
const NEW_PASSWORD = 'Fresh-passphrase-2024'

let app: TestApp
let pbkdf2: ReturnType<typeof jest.spyOn>
beforeAll(async () => {
  app = await startTestApp()
  // Payload's local strategy hashes through crypto.pbkdf2 (600k rounds); nothing may reach it any more.
  pbkdf2 = jest.spyOn(crypto, 'pbkdf2')
})
beforeEach(() => pbkdf2.mockClear())
afterAll(async () => {
  pbkdf2.mockRestore()
  await app.stop()
})

const storedHash = async (where: string, value: unknown) =>
  (await sqlRows<{ hash: string | null; salt: string | null }>(app, `SELECT hash, salt FROM users WHERE ${where} = $1`, [value]))[0]

/** The admin panel submits documents as multipart form data, the document as JSON in `_payload`. */
function adminForm(data: Record<string, unknown>) {
  const boundary = `----form${unique()}`
  const rawBody = `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n${JSON.stringify(data)}\r\n--${boundary}--\r\n`
  return { rawBody, contentType: `multipart/form-data; boundary=${boundary}` }
}

async function adminCookie(email: string): Promise<string> {
  const login = await app.api.post('/api/users/login', { email, password: TEST_PASSWORD })
  expect(login.status).toBe(200)
  return (login.headers.get('set-cookie') ?? '').split(';')[0]
}

describe('no PBKDF2 is computed when a password is set', () => {
  it('counts the PBKDF2 of a sign-in with a hash Payload stored before (the one left), which then becomes argon2id', async () => {
    const { user, email } = await makeUser(app)
    await storeLegacyPayloadHash(app, user.id, TEST_PASSWORD)
    pbkdf2.mockClear()
    expect((await app.api.post('/api/v1/auth/login', { email, password: TEST_PASSWORD })).status).toBe(200)
    expect(pbkdf2).toHaveBeenCalledTimes(1)
    expect((await storedHash('id', user.id)).hash).toMatch(ARGON2ID)
  })

  it('on sign-up: the password is stored as argon2id only', async () => {
    const email = `signup-${unique()}@example.com`
    const res = await app.api.post('/api/v1/auth/register', { email, password: 'securepassword123' })
    expect(res.status).toBe(201)
    expect(await storedHash('email', email)).toEqual({ hash: expect.stringMatching(ARGON2ID), salt: null })
    expect((await app.api.post('/api/v1/auth/login', { email, password: 'securepassword123' })).status).toBe(200)
    expect(pbkdf2).not.toHaveBeenCalled()
  })

  it('when staff create a user over REST and in the admin panel (its form data)', async () => {
    const staff = await makeStaff(app)
    const viaRest = `rest-${unique()}@example.com`
    const created = await app.api.post('/api/users', { email: viaRest, password: NEW_PASSWORD, roles: ['user'] }, { token: staff.token })
    expect(created.status).toBe(201)
    expect(created.body.doc).toMatchObject({ email: viaRest, roles: ['user'] })
    expect(created.body.doc.password).toBeUndefined()
    const viaAdmin = `admin-${unique()}@example.com`
    const form = adminForm({ email: viaAdmin, password: NEW_PASSWORD, roles: ['user'] })
    const submitted = await app.api.post('/api/users', undefined, {
      rawBody: form.rawBody,
      headers: { 'content-type': form.contentType, cookie: await adminCookie(staff.email), 'sec-fetch-site': 'same-origin' },
    })
    expect(submitted.status).toBe(201)
    for (const email of [viaRest, viaAdmin]) {
      expect(await storedHash('email', email)).toEqual({ hash: expect.stringMatching(ARGON2ID), salt: null })
      expect((await app.api.post('/api/v1/auth/login', { email, password: NEW_PASSWORD })).status).toBe(200)
    }
    expect(pbkdf2).not.toHaveBeenCalled()
  })

  it('when staff set a password over REST or GraphQL: argon2id, and the account is signed out everywhere', async () => {
    const staff = await makeStaff(app)
    const member = await makeUser(app)
    const patched = await app.api.patch(`/api/users/${member.user.id}`, { password: NEW_PASSWORD }, { token: staff.token })
    expect(patched.status).toBe(200)
    expect((await storedHash('id', member.user.id)).hash).toMatch(ARGON2ID)
    expect((await app.api.post('/api/v1/auth/refresh', { refresh_token: member.refresh })).status).toBe(401)
    expect((await app.api.post('/api/v1/auth/login', { email: member.email, password: TEST_PASSWORD })).status).toBe(401)
    expect((await app.api.post('/api/v1/auth/login', { email: member.email, password: NEW_PASSWORD })).status).toBe(200)
    const email = `graphql-${unique()}@example.com`
    const create = await app.api.post(
      '/api/graphql',
      { query: `mutation { createUser(data: { email: "${email}", password: "${NEW_PASSWORD}" }) { id } }` },
      { token: staff.token },
    )
    expect(create.body.errors).toBeUndefined()
    const id = Number(create.body.data.createUser.id)
    const update = await app.api.post(
      '/api/graphql',
      { query: `mutation { updateUser(id: ${id}, data: { password: "Second-passphrase-77" }) { id } }` },
      { token: staff.token },
    )
    expect(update.body.errors).toBeUndefined()
    expect((await storedHash('id', id)).hash).toMatch(ARGON2ID)
    expect((await app.api.post('/api/v1/auth/login', { email, password: 'Second-passphrase-77' })).status).toBe(200)
    expect(pbkdf2).not.toHaveBeenCalled()
  })

  it('refuses a weak or non-text password with Payload error bodies, storing nothing', async () => {
    const staff = await makeStaff(app)
    const email = `weak-${unique()}@example.com`
    const weak = await app.api.post('/api/users', { email, password: 'password' }, { token: staff.token })
    expect(weak.status).toBe(400)
    expect(weak.body).toEqual({
      errors: [
        {
          name: 'ValidationError',
          message: 'Validation failed',
          data: { errors: [{ path: 'password', message: 'This password is too common.' }] },
        },
      ],
    })
    const number = await app.api.post('/api/users', { email, password: 12345678 }, { token: staff.token })
    expect(number.status).toBe(400)
    expect(number.body.errors[0].data.errors).toEqual([{ path: 'password', message: 'Enter text.' }])
    expect(await sqlRows(app, 'SELECT id FROM users WHERE email = $1', [email])).toEqual([])
    expect(pbkdf2).not.toHaveBeenCalled()
  })
})
