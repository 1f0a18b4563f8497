import { randomBytes } from 'node:crypto'
import { createLocalReq } from 'payload'
import { issueSession, type IssuedTokens } from '../../src/domain/auth/issueSession.ts'
import type { User } from '../../src/payload-types.ts'
import type { TestApp } from './app.ts'

export const TEST_PASSWORD = 'Correct-Horse-42'

export const unique = () => randomBytes(4).toString('hex')

export type TestUser = { user: User; email: string; password: string; token: string; refresh: string; tokens: IssuedTokens }

/**
 * A user created through the Local API (Payload hashes the password, as for users staff create in the
 * admin), signed in with the same function the login routes use.
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
  return { user, email, password: TEST_PASSWORD, token: tokens.access, refresh: tokens.refresh, tokens }
}

export const makeStaff = (app: TestApp, role: 'admin' | 'manager' = 'admin') => makeUser(app, { roles: [role] })
