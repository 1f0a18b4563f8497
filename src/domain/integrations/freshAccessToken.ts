import type { Payload } from 'payload'
import { refreshGithubToken } from '../../integrations/github/sync.ts'
import { withAdvisoryLock } from '../../lib/db/advisoryLock.ts'
import { poolOf } from '../../lib/db/pool.ts'
import { BadRequestError } from '../../lib/errors.ts'
import { decryptToken, encryptToken } from '../../lib/tokenCipher.ts'
import { integrationById, storeTokens, type IntegrationRow } from './integrationRecords.ts'

/** Refreshed this long before expiry, so a token never expires in the middle of a sync. */
const EARLY_MS = 60_000

const fresh = (row: IntegrationRow) => !row.token_expires_at || row.token_expires_at.getTime() > Date.now() + EARLY_MS

/** One refresh in flight per integration in this process; the advisory lock covers other instances. */
const inFlight = new Map<number, Promise<string>>()

/**
 * The integration's usable access token, refreshed first when it is (about to be) expired. However many
 * callers need the refresh at once, the provider sees one refresh request: callers in this process share
 * one promise, and across instances the Postgres advisory lock lets one refresh while the others wait and
 * then find the new token.
 */
export async function freshAccessToken(payload: Payload, integrationId: number): Promise<string> {
  const row = await integrationById(poolOf(payload), integrationId)
  if (!row) throw new BadRequestError('The integration is not connected')
  if (fresh(row)) return decryptToken(row.access_token_enc)
  let pending = inFlight.get(integrationId)
  if (!pending) {
    pending = refreshUnderLock(payload, integrationId).finally(() => inFlight.delete(integrationId))
    inFlight.set(integrationId, pending)
  }
  return pending
}

async function refreshUnderLock(payload: Payload, integrationId: number): Promise<string> {
  const pool = poolOf(payload)
  const outcome = await withAdvisoryLock(
    pool,
    `integration-refresh:${integrationId}`,
    async () => {
      // Re-read under the lock: another instance may have refreshed while we waited.
      const row = await integrationById(pool, integrationId)
      if (!row) throw new BadRequestError('The integration is not connected')
      if (fresh(row)) return decryptToken(row.access_token_enc)
      if (!row.refresh_token_enc)
        throw new BadRequestError('The token has expired and there is no refresh token; reconnect the integration.')
      if (row.service_name !== 'github')
        throw new BadRequestError(`Refreshing ${row.service_name} tokens is not supported; reconnect the integration.`)
      const next = await refreshGithubToken(decryptToken(row.refresh_token_enc))
      const expiresAt = next.expiresIn ? new Date(Date.now() + next.expiresIn * 1000) : null
      await storeTokens(
        pool,
        integrationId,
        encryptToken(next.accessToken),
        next.refreshToken ? encryptToken(next.refreshToken) : row.refresh_token_enc,
        expiresAt,
      )
      return next.accessToken
    },
    { wait: true },
  )
  if (!outcome.ran) throw new Error('unreachable: a waiting advisory lock always runs')
  return outcome.result
}
