import { createRemoteJWKSet, jwtVerify } from 'jose'
import { config } from '../../lib/config.ts'
import { BadRequestError } from '../../lib/errors.ts'
import type { OAuthIdentity } from '../oauthIdentity.ts'

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>()

/** Google's signing keys, fetched from GOOGLE_JWKS_URL and cached (jose refreshes them on rotation). */
function googleKeys() {
  let keys = keySets.get(config.GOOGLE_JWKS_URL)
  if (!keys) {
    keys = createRemoteJWKSet(new URL(config.GOOGLE_JWKS_URL), { cooldownDuration: 30_000, cacheMaxAge: 3_600_000 })
    keySets.set(config.GOOGLE_JWKS_URL, keys)
  }
  return keys
}

/** A Google ID token, verified: signature against Google's JWKS, issuer, audience (GOOGLE_CLIENT_ID), expiry. */
export async function verifyGoogleIdToken(idToken: string): Promise<OAuthIdentity> {
  if (!config.GOOGLE_CLIENT_ID) throw new BadRequestError('Google sign-in is not configured.')
  try {
    const { payload } = await jwtVerify(idToken, googleKeys(), { issuer: config.GOOGLE_ISSUER, audience: config.GOOGLE_CLIENT_ID })
    if (typeof payload.sub !== 'string') throw new Error('no subject')
    return {
      provider: 'google',
      providerId: payload.sub,
      email: typeof payload.email === 'string' ? payload.email.toLowerCase() : null,
      emailVerified: payload.email_verified === true || payload.email_verified === 'true',
      firstName: typeof payload.given_name === 'string' ? payload.given_name : null,
      lastName: typeof payload.family_name === 'string' ? payload.family_name : null,
      fullName: typeof payload.name === 'string' ? payload.name : null,
    }
  } catch (error) {
    if (error instanceof BadRequestError) throw error
    throw new BadRequestError('Invalid or expired Google token.')
  }
}
