import type { Request } from 'express'
import { executeAuthStrategies, type Payload, type TypedUser } from 'payload'

/**
 * The caller behind an HTTP request, found by the same auth strategies Payload's REST and GraphQL use,
 * so one token works on every interface under the same rules. Null for anonymous callers.
 */
export async function authenticate(payload: Payload, req: Request): Promise<TypedUser | null> {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value)
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item)
  }
  const { user } = await executeAuthStrategies({ headers, payload, isGraphQL: false, canSetHeaders: false })
  return user ?? null
}
