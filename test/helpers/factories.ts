import { randomBytes } from 'node:crypto'
import type { User } from '../../src/payload-types.ts'
import type { TestApp } from './app.ts'

export const TEST_PASSWORD = 'Correct-Horse-42'

const unique = () => randomBytes(4).toString('hex')

export type TestUser = { user: User; email: string; password: string; token: string }

/** A user created through the Local API, signed in through Payload's REST login to get a token. */
export async function makeUser(app: TestApp, overrides: Partial<User> = {}): Promise<TestUser> {
  const email = overrides.email ?? `user-${unique()}@example.com`
  const user = await app.payload.create({
    collection: 'users',
    overrideAccess: true,
    depth: 0,
    data: { roles: ['user'], ...overrides, email, password: TEST_PASSWORD },
  })
  const login = await app.api.post('/api/users/login', { email, password: TEST_PASSWORD })
  if (login.status !== 200) throw new Error(`login failed for ${email}: ${login.text}`)
  return { user, email, password: TEST_PASSWORD, token: String(login.body.token) }
}
