import { config } from '../../lib/config.ts'
import { RequestValidationError } from '../../lib/errors.ts'

/** Checkout redirects only go to our own apps (CHECKOUT_ALLOWED_ORIGINS): no open redirect through Stripe. */
export function assertAllowedRedirects(urls: Record<string, string>): void {
  const allowed = config.CHECKOUT_ALLOWED_ORIGINS.map((origin) => new URL(origin).origin)
  const fields: Record<string, string[]> = {}
  for (const [field, url] of Object.entries(urls)) {
    const origin = URL.canParse(url) ? new URL(url).origin : ''
    if (!allowed.includes(origin)) fields[field] = [`Must be a URL on ${allowed.join(' or ')}.`]
  }
  if (Object.keys(fields).length > 0) throw new RequestValidationError(fields)
}
