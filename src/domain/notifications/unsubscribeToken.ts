import { createHmac, timingSafeEqual } from 'node:crypto'
import { config } from '../../lib/config.ts'

/** Whose email of which notification types a one-click unsubscribe link turns off. */
export type UnsubscribeScope = { userId: number; typeIds: number[] }

// A key of its own (derived from JWT_SECRET), so an unsubscribe token can never pass as any other token.
const key = () => createHmac('sha256', config.JWT_SECRET).update('email-unsubscribe/v1').digest()
const mac = (body: string) => createHmac('sha256', key()).update(body).digest('base64url')

/**
 * `<body>.<signature>`: the scope, signed. No expiry: RFC 8058 links must keep working as long as the
 * mail sits in an inbox, and the only thing one can do is turn email off, for its own recipient.
 */
export function signUnsubscribeToken(scope: UnsubscribeScope): string {
  const body = Buffer.from(JSON.stringify({ u: scope.userId, t: [...new Set(scope.typeIds)].sort((a, b) => a - b) })).toString('base64url')
  return `${body}.${mac(body)}`
}

/** The scope of a token this platform signed, or null for anything else. */
export function verifyUnsubscribeToken(token: string): UnsubscribeScope | null {
  const [body, signature, extra] = token.split('.')
  if (!body || !signature || extra !== undefined) return null
  const expected = Buffer.from(mac(body))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  // Only bodies this platform signed get here, so they are JSON of the shape sign wrote.
  const { u, t } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { u: number; t: number[] }
  return { userId: u, typeIds: t }
}

/** The https link (PUBLIC_URL) that List-Unsubscribe carries: GET shows a confirmation page, POST unsubscribes. */
export function unsubscribeUrl(token: string): string {
  return `${config.PUBLIC_URL}/api/v1/notifications/unsubscribe/?token=${encodeURIComponent(token)}`
}
