import type { ClientMeta } from '../domain/auth/clientMeta.ts'

/** Set by our HTTP layer from the socket (or a trusted proxy); any client-sent value is overwritten. */
export const CLIENT_IP_HEADER = 'x-platform-client-ip'

export function clientMetaFromHeaders(headers: Headers): ClientMeta {
  return { ip: headers.get(CLIENT_IP_HEADER) ?? 'unknown', userAgent: headers.get('user-agent') ?? 'unknown' }
}
