import type { Payload } from 'payload'
import { githubAccount, TokenRejectedError } from '../../integrations/github/sync.ts'
import { BadRequestError } from '../../lib/errors.ts'
import { slackAccount } from '../../integrations/slack/account.ts'
import { encryptToken } from '../../lib/tokenCipher.ts'
import { upsertIntegration, type IntegrationRow } from './integrationRecords.ts'
import type { IntegrationService } from './statuses.ts'

export type ConnectInput = { access_token: string; refresh_token?: string; expires_in?: number; config: Record<string, unknown> }

/** Services whose API this server can check a token against; the others are stored as given. */
const VALIDATORS: Partial<Record<IntegrationService, (token: string) => Promise<unknown>>> = { github: githubAccount, slack: slackAccount }

async function validate(service: IntegrationService, token: string): Promise<unknown> {
  try {
    return (await VALIDATORS[service]?.(token)) ?? null
  } catch (error) {
    // At connect time a refused token is the caller's mistake, not a gateway failure.
    if (error instanceof TokenRejectedError) throw new BadRequestError(`${service} rejected the access token`)
    throw error
  }
}

/** Validates the token where the service has an API here, then stores both tokens encrypted. */
export async function connectIntegration(
  payload: Payload,
  ownerId: number,
  service: IntegrationService,
  input: ConnectInput,
): Promise<IntegrationRow> {
  const account = await validate(service, input.access_token)
  return upsertIntegration(payload, {
    ownerId,
    service,
    accessEnc: encryptToken(input.access_token),
    refreshEnc: input.refresh_token ? encryptToken(input.refresh_token) : null,
    expiresAt: input.expires_in === undefined ? null : new Date(Date.now() + input.expires_in * 1000),
    account,
    config: input.config,
  })
}
