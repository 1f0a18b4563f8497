import type { AuthStrategy } from 'payload'
import { verifyAccessToken } from '../domain/auth/accessTokens.ts'
import { userFromAccessToken } from '../domain/auth/userFromAccessToken.ts'

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
    return { user: token ? await userFromAccessToken(payload, await verifyAccessToken(token), PLATFORM_TOKEN_STRATEGY) : null }
  },
}
