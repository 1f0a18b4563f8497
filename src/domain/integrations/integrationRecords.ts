import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'
import type pg from 'pg'
import { poolOf } from '../../lib/db/pool.ts'
import { firstRow } from '../../lib/db/sql.ts'
import { txDb } from '../../lib/transaction.ts'
import type { IntegrationService, SyncStatus } from './statuses.ts'

/** The only writer of `integrations`. Raw SQL: the token columns are hidden from the Local API on purpose. */

export type IntegrationRow = {
  id: number
  owner_id: number
  service_name: IntegrationService
  connected: boolean
  access_token_enc: string
  refresh_token_enc: string | null
  token_expires_at: Date | null
  account: unknown
  config: unknown
  sync_status: SyncStatus
  items_synced: string | null
  sync_progress: unknown
  synced_refs: Record<string, number> | null
  last_sync: Date | null
  error_message: string | null
  created_at: Date
  updated_at: Date
}

type Connection = {
  ownerId: number
  service: IntegrationService
  accessEnc: string
  refreshEnc: string | null
  expiresAt: Date | null
  account: unknown
  config: unknown
}

/** Connects, or reconnects with new tokens (one row per owner and service). */
export async function upsertIntegration(payload: Payload, c: Connection): Promise<IntegrationRow> {
  const { rows } = await poolOf(payload).query<IntegrationRow>(
    `INSERT INTO integrations (owner_id, service_name, connected, access_token_enc, refresh_token_enc, token_expires_at, account, config, sync_status, items_synced, updated_at, created_at)
     VALUES ($1, $2, true, $3, $4, $5, $6, $7, 'idle', 0, now(), now())
     ON CONFLICT (owner_id, service_name) DO UPDATE SET connected = true, access_token_enc = EXCLUDED.access_token_enc,
       refresh_token_enc = EXCLUDED.refresh_token_enc, token_expires_at = EXCLUDED.token_expires_at, account = EXCLUDED.account,
       config = EXCLUDED.config, error_message = NULL, updated_at = now()
     RETURNING *`,
    [c.ownerId, c.service, c.accessEnc, c.refreshEnc, c.expiresAt, JSON.stringify(c.account ?? null), JSON.stringify(c.config ?? {})],
  )
  return rows[0]
}

export async function findIntegration(db: pg.Pool | pg.PoolClient, ownerId: number, service: string): Promise<IntegrationRow | undefined> {
  const { rows } = await db.query<IntegrationRow>('SELECT * FROM integrations WHERE owner_id = $1 AND service_name = $2', [
    ownerId,
    service,
  ])
  return rows[0]
}

export async function integrationById(db: pg.Pool | pg.PoolClient, id: number): Promise<IntegrationRow | undefined> {
  const { rows } = await db.query<IntegrationRow>('SELECT * FROM integrations WHERE id = $1', [id])
  return rows[0]
}

export async function listOwnerIntegrations(payload: Payload, ownerId: number): Promise<IntegrationRow[]> {
  const { rows } = await poolOf(payload).query<IntegrationRow>('SELECT * FROM integrations WHERE owner_id = $1 ORDER BY service_name', [
    ownerId,
  ])
  return rows
}

export async function deleteIntegration(payload: Payload, ownerId: number, service: string): Promise<boolean> {
  const { rowCount } = await poolOf(payload).query('DELETE FROM integrations WHERE owner_id = $1 AND service_name = $2', [ownerId, service])
  return (rowCount ?? 0) > 0
}

export async function storeTokens(
  db: pg.Pool | pg.PoolClient,
  id: number,
  accessEnc: string,
  refreshEnc: string | null,
  expiresAt: Date | null,
): Promise<void> {
  await db.query(
    'UPDATE integrations SET access_token_enc = $2, refresh_token_enc = $3, token_expires_at = $4, updated_at = now() WHERE id = $1',
    [id, accessEnc, refreshEnc, expiresAt],
  )
}

/**
 * idle/completed/failed -> queued, once, in req's transaction: concurrent sync requests queue one job.
 * The queued row, or undefined when a sync was already queued or running.
 */
export async function claimSync(req: PayloadRequest, id: number): Promise<IntegrationRow | undefined> {
  const db = await txDb(req)
  const result =
    await db.execute(sql`UPDATE integrations SET sync_status = 'queued', sync_progress = '{"done":0}', error_message = NULL, updated_at = now()
     WHERE id = ${id} AND sync_status NOT IN ('queued', 'syncing') RETURNING *`)
  return firstRow<IntegrationRow>(result)
}

export async function setSyncState(
  payload: Payload,
  id: number,
  from: SyncStatus,
  to: SyncStatus,
  fields: { progress?: unknown; itemsSynced?: number; refs?: Record<string, number>; error?: string | null } = {},
): Promise<boolean> {
  const { rowCount } = await poolOf(payload).query(
    `UPDATE integrations SET sync_status = $3::text::enum_integrations_sync_status, sync_progress = coalesce($4, sync_progress), items_synced = coalesce($5, items_synced),
       synced_refs = coalesce($6, synced_refs), error_message = $7,
       last_sync = CASE WHEN $3::text IN ('completed', 'failed') THEN now() ELSE last_sync END, updated_at = now()
     WHERE id = $1 AND sync_status = $2`,
    [
      id,
      from,
      to,
      fields.progress === undefined ? null : JSON.stringify(fields.progress),
      fields.itemsSynced ?? null,
      fields.refs ? JSON.stringify(fields.refs) : null,
      fields.error ?? null,
    ],
  )
  return (rowCount ?? 0) > 0
}

/** Rows with a token under another key than `currentKeyId`, for re-encryption. */
export async function rowsNotUnderKey(
  payload: Payload,
  currentKeyId: string,
): Promise<Pick<IntegrationRow, 'id' | 'access_token_enc' | 'refresh_token_enc'>[]> {
  const prefix = `v1.${currentKeyId}.%`
  const { rows } = await poolOf(payload).query<Pick<IntegrationRow, 'id' | 'access_token_enc' | 'refresh_token_enc'>>(
    `SELECT id, access_token_enc, refresh_token_enc FROM integrations WHERE access_token_enc NOT LIKE $1 OR refresh_token_enc NOT LIKE $1`,
    [prefix],
  )
  return rows
}

export async function replaceCiphertexts(payload: Payload, id: number, accessEnc: string, refreshEnc: string | null): Promise<void> {
  await poolOf(payload).query('UPDATE integrations SET access_token_enc = $2, refresh_token_enc = $3 WHERE id = $1', [
    id,
    accessEnc,
    refreshEnc,
  ])
}
