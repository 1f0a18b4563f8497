import { createLocalReq, type Payload } from 'payload'
import { logger } from '../../lib/logger.ts'

export const DEMO_PASSWORD = 'demo-password-123'
export const DEMO_USERS = [
  { email: 'demo@example.com', first_name: 'Demo', last_name: 'User', roles: ['user'] as const },
  { email: 'manager@example.com', first_name: 'Mia', last_name: 'Manager', roles: ['manager'] as const },
]

/**
 * Demo data for trying the platform locally. Idempotent: every record is looked up by a natural key
 * before it is created, so each start can run it.
 */
export async function seedDemo(payload: Payload): Promise<void> {
  const req = await createLocalReq({ context: { seeding: true } }, payload)
  for (const user of DEMO_USERS) {
    const found = await payload.count({ collection: 'users', where: { email: { equals: user.email } }, overrideAccess: true, req })
    if (found.totalDocs > 0) continue
    // overrideAccess: seed data is written by the system, not by an API caller.
    await payload.create({ collection: 'users', overrideAccess: true, req, depth: 0, data: { ...user, roles: [...user.roles], password: DEMO_PASSWORD } })
    logger.info({ email: user.email }, 'seeded demo user')
  }
}
