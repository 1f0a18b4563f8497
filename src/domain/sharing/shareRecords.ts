import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { firstRow } from '../../lib/db/sql.ts'
import { txDb } from '../../lib/transaction.ts'
import type { SharePermission, ShareResourceType } from './statuses.ts'

/** The only writer of `shares`. Validity (not revoked, not expired) is always decided by the database clock. */

export type ShareRow = {
  id: number
  resource_type: ShareResourceType
  resource_id: number
  permission: SharePermission
  user_id: number
  shared_with_id: number | null
  expires_at: Date | null
  revoked_at: Date | null
  created_at: Date
  active: boolean
}

const COLUMNS = sql`s.id, s.resource_type, s.resource_id::int AS resource_id, s.permission, s.user_id, s.shared_with_id, s.expires_at,
  s.revoked_at, s.created_at, (s.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > now())) AS active`
const ACTIVE = sql`s.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > now())`

export type NewShare = {
  tokenHash: string
  resourceType: ShareResourceType
  resourceId: number
  permission: SharePermission
  ownerId: number
  sharedWithId: number | null
  expiresInSeconds: number | null
}

export async function insertShare(req: PayloadRequest, share: NewShare): Promise<ShareRow> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    INSERT INTO shares AS s (token_hash, resource_type, resource_id, permission, user_id, shared_with_id, expires_at, updated_at, created_at)
    VALUES (${share.tokenHash}, ${share.resourceType}, ${share.resourceId}, ${share.permission}, ${share.ownerId}, ${share.sharedWithId},
      CASE WHEN ${share.expiresInSeconds}::int IS NULL THEN NULL ELSE now() + make_interval(secs => ${share.expiresInSeconds}::int) END, now(), now())
    RETURNING ${COLUMNS}`)
  return firstRow<ShareRow>(result) as ShareRow
}

/** The share a token belongs to, active or not (the caller tells 404 from 410). */
export async function shareByTokenHash(req: PayloadRequest, tokenHash: string): Promise<ShareRow | undefined> {
  const db = await txDb(req)
  return firstRow<ShareRow>(await db.execute(sql`SELECT ${COLUMNS} FROM shares s WHERE s.token_hash = ${tokenHash}`))
}

/** The strongest active permission `userId` was given on one resource, if any. */
export async function permissionForUser(
  req: PayloadRequest,
  userId: number,
  type: ShareResourceType,
  resourceId: number,
): Promise<SharePermission | null> {
  const db = await txDb(req)
  const row = firstRow<{ permission: SharePermission }>(
    await db.execute(sql`
      SELECT s.permission FROM shares s
      WHERE s.shared_with_id = ${userId} AND s.resource_type = ${type} AND s.resource_id = ${resourceId} AND ${ACTIVE}
      ORDER BY s.permission = 'edit' DESC LIMIT 1`),
  )
  return row?.permission ?? null
}

/** Ids of the resources of one type actively shared with `userId`, as a subquery for the caller's own statement. */
export function resourceIdsSharedWithSql(userId: number, type: ShareResourceType) {
  return sql`SELECT s.resource_id::int FROM shares s WHERE s.shared_with_id = ${userId} AND s.resource_type = ${type} AND ${ACTIVE}`
}

/** Shares `ownerId` made, newest first, optionally of one type. */
export async function sharesBy(
  req: PayloadRequest,
  ownerId: number,
  { type, offset, limit }: { type?: ShareResourceType; offset: number; limit: number },
): Promise<ShareRow[]> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    SELECT ${COLUMNS} FROM shares s WHERE s.user_id = ${ownerId} ${type ? sql`AND s.resource_type = ${type}` : sql``}
    ORDER BY s.created_at DESC, s.id DESC LIMIT ${limit} OFFSET ${offset}`)
  return result.rows as ShareRow[]
}

/** Revokes one share of `ownerId` (staff: anyone's) at once; idempotent. Null when there is no such share. */
export async function revokeShareRow(req: PayloadRequest, id: number, ownerId: number | null): Promise<ShareRow | null> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    UPDATE shares s SET revoked_at = COALESCE(s.revoked_at, now()), updated_at = now()
    WHERE s.id = ${id} ${ownerId === null ? sql`` : sql`AND s.user_id = ${ownerId}`}
    RETURNING ${COLUMNS}`)
  return firstRow<ShareRow>(result) ?? null
}
