import { connectIntegration } from '../../../src/domain/integrations/connectIntegration.ts'
import { disconnectIntegration, integrationStatus, listIntegrations } from '../../../src/domain/integrations/integrationStatus.ts'
import { requestSync } from '../../../src/domain/integrations/requestSync.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { ConnectBody, IntegrationOut, IntegrationStatusOut, ServiceParams, SyncBody, SyncOut } from './schemas.ts'
import { serializeIntegration, serializeIntegrationStatus } from './serialize.ts'

/** Spec 003's external integrations, per caller and service. */
export const integrationsRoutes = v1Router('/integrations')

integrationsRoutes.get(
  '/',
  { summary: "The caller's integrations", auth: 'user', responses: { 200: IntegrationOut.array() } },
  async ({ req, user }) => ({ body: (await listIntegrations(req.payload, Number(user.id))).map(serializeIntegration) }),
)

integrationsRoutes.post(
  '/:service/connect',
  {
    summary: 'Connects (or reconnects) a service; the token is validated where the service has an API',
    auth: 'user',
    params: ServiceParams,
    body: ConnectBody,
    responses: { 201: IntegrationOut },
  },
  async ({ req, user, params, body }) => ({
    status: 201,
    body: serializeIntegration(await connectIntegration(req.payload, Number(user.id), params.service, body)),
  }),
)

integrationsRoutes.post(
  '/:service/sync',
  {
    summary: 'Queues a background sync (GitHub repositories -> items)',
    auth: 'user',
    params: ServiceParams,
    body: SyncBody,
    responses: { 200: SyncOut, 400: 'Not syncable', 404: 'Not connected' },
  },
  async ({ req, user, params }) => {
    const { row, queued } = await requestSync(req, Number(user.id), params.service)
    const message = queued ? 'Sync queued; follow its progress in status' : 'A sync is already queued or running'
    return { body: { service_name: row.service_name, sync_status: row.sync_status, items_synced: Number(row.items_synced ?? 0), message } }
  },
)

integrationsRoutes.get(
  '/:service/status',
  {
    summary: 'Connection and sync progress',
    auth: 'user',
    params: ServiceParams,
    responses: { 200: IntegrationStatusOut, 404: 'Not connected' },
  },
  async ({ req, user, params }) => ({
    body: serializeIntegrationStatus(await integrationStatus(req.payload, Number(user.id), params.service)),
  }),
)

integrationsRoutes.delete(
  '/:service',
  {
    summary: 'Disconnects and deletes the stored tokens',
    auth: 'user',
    params: ServiceParams,
    responses: { 204: 'Disconnected', 404: 'Not connected' },
  },
  async ({ req, user, params }) => {
    await disconnectIntegration(req.payload, Number(user.id), params.service)
    return { status: 204 }
  },
)
