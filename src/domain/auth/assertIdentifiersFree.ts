import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { AppError } from '../../lib/errors.ts'
import { txDb } from '../../lib/transaction.ts'

type Identifiers = { email?: string | null; username?: string | null; phone?: string | null }
const FIELDS = ['email', 'username', 'phone'] as const

/**
 * Names each identifier already taken, for a precise 409 ({errors: {email: [...]}}). The unique indexes
 * still decide races between concurrent sign-ups; this only words the common case well. One indexed read
 * (it runs on every sign-up).
 */
export async function assertIdentifiersFree(req: PayloadRequest, identifiers: Identifiers, exceptUserId?: number): Promise<void> {
  const given = FIELDS.filter((field) => Boolean(identifiers[field]))
  if (given.length === 0) return
  const db = await txDb(req)
  const matches = sql.join(
    given.map((field) => sql`${sql.identifier(field)} = ${identifiers[field]}`),
    sql` OR `,
  )
  const others = exceptUserId === undefined ? sql`` : sql` AND id <> ${exceptUserId}`
  const { rows } = await db.execute(sql`SELECT email, username, phone FROM users WHERE (${matches})${others} LIMIT 3`)
  const taken = rows as Identifiers[]
  const fields: Record<string, string[]> = {}
  for (const field of given) {
    if (taken.some((row) => row[field] === identifiers[field])) fields[field] = [`A user with this ${field} already exists.`]
  }
  if (Object.keys(fields).length > 0)
    throw new AppError(`A user with this ${Object.keys(fields).join(' and ')} already exists.`, 409, fields)
}
