import { pbkdf2Sync, randomBytes } from 'node:crypto'
import { createLocalReq } from 'payload'
import { issueSession } from '../../src/domain/auth/issueSession.ts'
import type { Event, Facilitator, User } from '../../src/payload-types.ts'
import type { TestApp } from './app.ts'
import { sqlRows } from './db.ts'

export const TEST_PASSWORD = 'Correct-Horse-42'

export const unique = () => randomBytes(4).toString('hex')

export type TestUser = { user: User; email: string; password: string; token: string; refresh: string }

/**
 * A user created through the Local API (the users hooks store the password as argon2id, as for users staff
 * create in the admin), signed in with the same function the login routes use.
 */
export async function makeUser(app: TestApp, overrides: Partial<User> = {}): Promise<TestUser> {
  const email = overrides.email ?? `user-${unique()}@example.com`
  const user = await app.payload.create({
    collection: 'users',
    overrideAccess: true,
    depth: 0,
    data: { roles: ['user'], ...overrides, email, password: TEST_PASSWORD },
  })
  const tokens = await issueSession(await createLocalReq({}, app.payload), user, { ip: '127.0.0.1', userAgent: 'test-factory' })
  return { user, email, password: TEST_PASSWORD, token: tokens.access, refresh: tokens.refresh }
}

/**
 * Replaces the user's hash with the PBKDF2-SHA256 one Payload's local strategy wrote before it was turned
 * off (600k iterations, hex salt), as accounts created back then still have.
 */
export async function storeLegacyPayloadHash(app: TestApp, userId: number, password: string): Promise<void> {
  const salt = randomBytes(32).toString('hex')
  const hash = `pbkdf2-sha256-v1:${pbkdf2Sync(password, salt, 600_000, 32, 'sha256').toString('hex')}`
  await sqlRows(app, 'UPDATE users SET hash = $1, salt = $2 WHERE id = $3', [hash, salt, userId])
}

export const makeStaff = (app: TestApp, role: 'admin' | 'manager' = 'admin') => makeUser(app, { roles: [role] })

/** How many users makeUsers creates at once: password hashing is CPU-bound, so more only queue. */
const USER_BATCH = 8

/** `count` users, created a few at a time. */
export async function makeUsers(app: TestApp, count: number): Promise<TestUser[]> {
  const users: TestUser[] = []
  for (let start = 0; start < count; start += USER_BATCH) {
    const batch = Array.from({ length: Math.min(USER_BATCH, count - start) }, () => makeUser(app))
    users.push(...(await Promise.all(batch)))
  }
  return users
}

type EventOverrides = Partial<Omit<Event, 'event_type'>> & { event_type?: string }

/** A published, active, free event starting tomorrow (override anything), created through the Local API. */
export async function makeEvent(app: TestApp, overrides: EventOverrides = {}): Promise<Event> {
  const { event_type = 'meetup', ...fields } = overrides
  const type = await app.payload.find({ collection: 'event-types', where: { key: { equals: event_type } }, limit: 1, overrideAccess: true })
  const start = new Date(Date.now() + 86_400_000 + Math.floor(Math.random() * 1000) * 3_600_000)
  return app.payload.create({
    collection: 'events',
    overrideAccess: true,
    depth: 0,
    data: {
      name: `Event ${unique()}`,
      event_type: type.docs[0].id,
      start_datetime: start.toISOString(),
      end_datetime: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
      max_attendees: 10,
      price_cents: 0,
      currency: 'USD',
      is_published: true,
      status: 'active',
      ...fields,
    },
  })
}

/** A facilitator profile linked to a new user (who thereby gets the facilitator role). */
export async function makeFacilitator(app: TestApp, overrides: Partial<Facilitator> = {}) {
  const account = await makeUser(app)
  const facilitator = await app.payload.create({
    collection: 'facilitators',
    overrideAccess: true,
    depth: 0,
    data: { name: `Facilitator ${unique()}`, bio: 'Certified meditation instructor', user: account.user.id, ...overrides },
  })
  return { facilitator, account }
}
