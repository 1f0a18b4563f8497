import type { AuthStrategy } from 'payload'
import { verifyAccessToken } from './accessTokens.ts'
import { loadTokenUser } from './loadTokenUser.ts'

export const PLATFORM_TOKEN_STRATEGY = 'platform-access-token'

/** The access token from `Authorization: Bearer`, or spec 002's `access_token` header. */
export function accessTokenFromHeaders(headers: Headers): string | null {
  const authorization = headers.get('authorization')
  if (authorization?.startsWith('Bearer ')) return authorization.slice(7).trim() || null
  return headers.get('access_token')?.trim() || null
}

/**
 * Payload auth strategy accepting our /api/v1 access tokens, so one token works on auto REST and
 * GraphQL too, under the same collection access rules.
 */
export const platformTokenStrategy: AuthStrategy = {
  name: PLATFORM_TOKEN_STRATEGY,
  authenticate: async ({ headers, payload }) => {
    const token = accessTokenFromHeaders(headers)
    const claims = token ? await verifyAccessToken(token) : null
    return { user: claims ? await loadTokenUser(payload, claims, PLATFORM_TOKEN_STRATEGY) : null }
  },
}
