import type { IntegrationRow } from '../../../src/domain/integrations/integrationRecords.ts'
import { iso, isoOrNull } from '../../../src/lib/dates.ts'

/** Spec 003's integration body: never a token, in any form. */
export const serializeIntegration = (row: IntegrationRow) => ({
  id: row.id,
  service_name: row.service_name,
  connected: row.connected,
  last_sync: isoOrNull(row.last_sync),
  sync_status: row.sync_status,
  error_message: row.error_message,
  created_at: iso(row.created_at),
  updated_at: iso(row.updated_at),
})

const asRecord = (value: unknown) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : null)

export const serializeIntegrationStatus = (row: IntegrationRow) => ({
  ...serializeIntegration(row),
  items_synced: Number(row.items_synced ?? 0),
  sync_progress: asRecord(row.sync_progress),
  account: row.account ?? null,
  token_expires_at: isoOrNull(row.token_expires_at),
})
