import type { Payload } from 'payload'
import { poolOf } from '../../lib/db/pool.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { deleteIntegration, findIntegration, listOwnerIntegrations, type IntegrationRow } from './integrationRecords.ts'

/** The caller's connection to `service` (404 when there is none). */
export async function integrationStatus(payload: Payload, ownerId: number, service: string): Promise<IntegrationRow> {
  const row = await findIntegration(poolOf(payload), ownerId, service)
  if (!row) throw new NotFoundError(`${service} is not connected`)
  return row
}

export const listIntegrations = (payload: Payload, ownerId: number) => listOwnerIntegrations(payload, ownerId)

/** Disconnects: the row and its tokens are deleted (404 when there was none). */
export async function disconnectIntegration(payload: Payload, ownerId: number, service: string): Promise<void> {
  if (!(await deleteIntegration(payload, ownerId, service))) throw new NotFoundError(`${service} is not connected`)
}
