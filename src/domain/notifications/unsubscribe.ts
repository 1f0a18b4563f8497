import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { txDb, withTransaction } from '../../lib/transaction.ts'
import { setEmailEnabled } from './notificationRecords.ts'
import { verifyUnsubscribeToken } from './unsubscribeToken.ts'

export type UnsubscribeTarget = { userId: number; typeIds: number[]; typeNames: string[] }

/** What a one-click unsubscribe link would turn off (the confirmation page of a GET); null for a bad token. Changes nothing. */
export async function previewUnsubscribe(req: PayloadRequest, token: string): Promise<UnsubscribeTarget | null> {
  const scope = verifyUnsubscribeToken(token)
  if (!scope) return null
  const db = await txDb(req)
  const result = await db.execute(sql`
    SELECT t.id, t.name FROM notification_types t WHERE t.id = ANY(${`{${scope.typeIds.join(',')}}`}::int[])
      AND EXISTS (SELECT 1 FROM users u WHERE u.id = ${scope.userId}) ORDER BY t.name`)
  const types = result.rows as { id: number; name: string }[]
  if (types.length === 0) return null
  return { userId: scope.userId, typeIds: types.map((type) => type.id), typeNames: types.map((type) => type.name) }
}

/**
 * RFC 8058 one-click unsubscribe: turns email off for the link's types, for the link's recipient, with no
 * sign-in (the signed token is the proof). Idempotent. Null for a bad token.
 */
export async function unsubscribe(req: PayloadRequest, token: string): Promise<UnsubscribeTarget | null> {
  return withTransaction(req, async () => {
    const target = await previewUnsubscribe(req, token)
    if (target)
      await setEmailEnabled(
        req,
        target.userId,
        target.typeIds.map((typeId) => ({ typeId, enabled: false })),
      )
    return target
  })
}
