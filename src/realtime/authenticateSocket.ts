import { executeAuthStrategies, type Payload, type TypedUser } from 'payload'
import type { Socket } from 'socket.io'

type Handshake = Socket['handshake']

/**
 * The user behind a socket handshake: a token in `auth.token` (what socket.io clients send), else the
 * handshake's Authorization header or cookies, checked by the same strategies as HTTP requests.
 */
export async function authenticateSocket(payload: Payload, handshake: Handshake): Promise<TypedUser | null> {
  const headers = new Headers()
  for (const [name, value] of Object.entries(handshake.headers)) {
    if (typeof value === 'string') headers.set(name, value)
  }
  const token = (handshake.auth as { token?: unknown }).token
  if (typeof token === 'string' && token) headers.set('authorization', `Bearer ${token.replace(/^Bearer\s+/i, '')}`)
  const { user } = await executeAuthStrategies({ headers, payload, isGraphQL: false, canSetHeaders: false })
  return user ?? null
}
