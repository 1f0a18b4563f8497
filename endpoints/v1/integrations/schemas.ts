import { z } from 'zod'
import { INTEGRATION_SERVICES } from '../../../src/domain/integrations/statuses.ts'

export const ServiceParams = z.object({ service: z.enum(INTEGRATION_SERVICES) })

export const ConnectBody = z.object({
  access_token: z.string().min(1).max(4000),
  refresh_token: z.string().min(1).max(4000).optional(),
  expires_in: z.number().int().min(0).max(31_536_000).optional().describe('Seconds the access token is valid (omit: no expiry)'),
  config: z.record(z.string(), z.unknown()).default({}),
})

export const SyncBody = z.object({
  sync_type: z.enum(['full', 'incremental']).default('full'),
  options: z.record(z.string(), z.unknown()).default({}),
})

export const IntegrationOut = z.object({
  id: z.number(),
  service_name: z.string(),
  connected: z.boolean(),
  last_sync: z.string().nullable(),
  sync_status: z.string(),
  error_message: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
})

export const IntegrationStatusOut = IntegrationOut.extend({
  items_synced: z.number(),
  sync_progress: z.record(z.string(), z.unknown()).nullable(),
  account: z.unknown(),
  token_expires_at: z.string().nullable(),
})

export const SyncOut = z.object({ service_name: z.string(), sync_status: z.string(), items_synced: z.number(), message: z.string() })
