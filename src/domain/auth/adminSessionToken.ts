import { errors, jwtVerify } from 'jose'
import { getFieldsToSign, JWT_AUTH_VERSION, jwtSign, type Payload, type PayloadRequest } from 'payload'
import type { User } from '../../payload-types.ts'

export type AdminSessionToken = { token: string; exp: number; cookie: string }
export type AdminSessionClaims = { id: number; sid: string }

/**
 * Payload's admin session token: the JWT its own login signs (same fields, header and secret), set as
 * its `payload-token` cookie. Signed for a session `sid` recorded on the user.
 */
export async function signAdminSessionToken(req: PayloadRequest, user: User, sid: string): Promise<AdminSessionToken> {
  const collection = req.payload.collections.users.config
  const { tokenExpiration, cookies } = collection.auth
  const fieldsToSign = getFieldsToSign({
    collectionConfig: collection,
    email: user.email ?? '',
    sid,
    user: { ...user, collection: 'users' },
  })
  const { token, exp } = await jwtSign({ fieldsToSign, secret: req.payload.secret, tokenExpiration })
  const attributes = [
    `${req.payload.config.cookiePrefix}-token=${token}`,
    'Path=/',
    'HttpOnly',
    `Expires=${new Date(exp * 1000).toUTCString()}`,
    `SameSite=${typeof cookies.sameSite === 'string' ? cookies.sameSite : 'Lax'}`,
    ...(cookies.secure ? ['Secure'] : []),
    ...(cookies.domain ? [`Domain=${cookies.domain}`] : []),
  ]
  return { token, exp, cookie: attributes.join('; ') }
}

/** The user and session an admin session token names, if Payload's secret signed it and it has not expired. */
export async function verifyAdminSessionToken(payload: Payload, token: string): Promise<AdminSessionClaims | null> {
  try {
    const { payload: claims, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(payload.secret), { algorithms: ['HS256'] })
    if (protectedHeader.authVersion !== JWT_AUTH_VERSION || claims.collection !== 'users') return null
    if (typeof claims.id !== 'number' || typeof claims.sid !== 'string') return null
    return { id: claims.id, sid: claims.sid }
  } catch (error) {
    if (error instanceof errors.JOSEError) return null // a bad signature, a malformed or an expired token
    throw error
  }
}
