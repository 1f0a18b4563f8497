import { randomBytes } from 'node:crypto'
import { createLocalReq, type Payload } from 'payload'
import { config } from '../../lib/config.ts'

export type AdminAccount = { email: string; created: boolean; generatedPassword?: string }

/**
 * Creates the staff admin (ADMIN_EMAIL) when missing. Without ADMIN_PASSWORD a password is generated and
 * returned so the launcher prints it once; an existing admin is never modified.
 */
export async function ensureAdminUser(payload: Payload): Promise<AdminAccount> {
  const email = config.ADMIN_EMAIL.toLowerCase()
  const existing = await payload.count({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })
  if (existing.totalDocs > 0) return { email, created: false }
  const generatedPassword = config.ADMIN_PASSWORD ? undefined : randomBytes(12).toString('base64url')
  const req = await createLocalReq({ context: { seeding: true } }, payload)
  try {
    await payload.create({
      collection: 'users',
      // overrideAccess: bootstrapping the first staff account, before anyone exists who could grant roles.
      overrideAccess: true,
      req,
      depth: 0,
      data: {
        email,
        password: config.ADMIN_PASSWORD ?? generatedPassword ?? '',
        roles: ['admin'],
        first_name: 'Staff',
        last_name: 'Admin',
      },
    })
  } catch (error) {
    // Another instance starting at the same moment created it first: the unique index decided.
    const again = await payload.count({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })
    if (again.totalDocs > 0) return { email, created: false }
    throw error
  }
  return { email, created: true, generatedPassword }
}
