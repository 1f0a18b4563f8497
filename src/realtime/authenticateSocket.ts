import type { IncomingHttpHeaders } from 'node:http'
import { executeAuthStrategies, type Payload, type TypedUser } from 'payload'
import type { Socket } from 'socket.io'
import { ACCESS_COOKIE } from '../http/authCookies.ts'
import { trustedOrigins } from '../http/csrf.ts'

/** The value of cookie `name` in a Cookie header. */
function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return decodeURIComponent(value.join('='))
  }
  return undefined
}

/**
 * The user behind a WebSocket handshake (socket.io's or the plain one's), checked by the same auth
 * strategies as HTTP requests: an explicit token (socket.io `auth.token`, or `?token=`), else the
 * Authorization / access_token header, else spec 002's access_token cookie. A cookie is only accepted
 * from a trusted (or no) Origin: another site's page must not open a socket with the user's cookie.
 */
export async function authenticateHandshake(payload: Payload, raw: IncomingHttpHeaders, token: unknown): Promise<TypedUser | null> {
  const headers = new Headers()
  for (const [name, value] of Object.entries(raw)) if (typeof value === 'string') headers.set(name, value)
  if (typeof token === 'string' && token) {
    headers.set('authorization', `Bearer ${token.replace(/^Bearer\s+/i, '')}`)
  } else if (!headers.has('authorization') && !headers.has('access_token')) {
    const cookie = cookieValue(raw.cookie, ACCESS_COOKIE)
    const origin = raw.origin
    if (!cookie || (origin && !trustedOrigins().includes(origin))) return null
    headers.set('authorization', `Bearer ${cookie}`)
  }
  const { user } = await executeAuthStrategies({ headers, payload, isGraphQL: false, canSetHeaders: false })
  return user ?? null
}

/** A socket.io handshake: `auth.token`, then headers and cookies. */
export function authenticateSocket(payload: Payload, handshake: Socket['handshake']): Promise<TypedUser | null> {
  return authenticateHandshake(payload, handshake.headers, (handshake.auth as { token?: unknown }).token)
}
