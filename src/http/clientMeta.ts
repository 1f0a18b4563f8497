import type { Request } from 'express'
import type { ClientMeta } from '../domain/auth/clientMeta.ts'

/** The caller's address (proxy-aware per TRUST_PROXY) and user agent. */
export function clientMetaOf(req: Request): ClientMeta {
  return { ip: req.ip ?? 'unknown', userAgent: req.get('user-agent') ?? 'unknown' }
}

/** The session id behind the caller's access token, when they used one of ours. */
export function currentSessionId(user: unknown): string | undefined {
  const sid = (user as { _sid?: unknown } | null)?._sid
  return typeof sid === 'string' ? sid : undefined
}
