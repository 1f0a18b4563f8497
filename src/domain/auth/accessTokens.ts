import { SignJWT, jwtVerify, errors } from 'jose'
import { config } from '../../lib/config.ts'

export const ACCESS_TOKEN_AUDIENCE = 'platform-api'
export const ACCESS_TOKEN_ISSUER = 'platform'

export type RateLimitTier = 'standard' | 'premium'
export type AccessClaims = { sub: string; roles: string[]; type: 'access'; sid: string; tier: RateLimitTier; exp: number }

const key = () => new TextEncoder().encode(config.JWT_SECRET)

/** A short-lived access token: subject, roles, session (refresh family) and rate-limit tier. */
export async function signAccessToken(input: { userId: number; roles: string[]; sessionId: string; tier: RateLimitTier }) {
  const issuedAt = Math.floor(Date.now() / 1000)
  const expiresAt = issuedAt + config.ACCESS_TOKEN_TTL
  const token = await new SignJWT({ roles: input.roles, type: 'access', sid: input.sessionId, tier: input.tier })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(String(input.userId))
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(key())
  return { token, expiresAt }
}

/** The claims of a valid access token (signature, audience, issuer, expiry, type), or null. */
export async function verifyAccessToken(token: string): Promise<AccessClaims | null> {
  try {
    const { payload } = await jwtVerify(token, key(), {
      audience: ACCESS_TOKEN_AUDIENCE,
      issuer: ACCESS_TOKEN_ISSUER,
      algorithms: ['HS256'],
    })
    if (payload.type !== 'access' || typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null
    return payload as unknown as AccessClaims
  } catch (error) {
    if (error instanceof errors.JOSEError) return null
    throw error
  }
}
