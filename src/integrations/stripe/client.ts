import Stripe from 'stripe'
import { config } from '../../lib/config.ts'

/** Used only against the local fake Stripe (development without STRIPE_SECRET_KEY, and tests). */
export const FAKE_STRIPE_KEY = 'sk_test_local_fake_stripe'

let cached: { key: string; client: Stripe } | undefined

/**
 * The official Stripe SDK, pointed at STRIPE_API_URL when set (the local fake server in development and
 * tests), else at Stripe. One client per configuration; retries use Stripe's idempotency keys.
 */
export function stripe(): Stripe {
  const apiKey = config.STRIPE_SECRET_KEY ?? FAKE_STRIPE_KEY
  const key = `${apiKey}|${config.STRIPE_API_URL ?? ''}`
  if (cached?.key !== key)
    cached = {
      key,
      client: new Stripe(apiKey, { ...endpoint(config.STRIPE_API_URL), maxNetworkRetries: 2, timeout: 20_000, telemetry: false }),
    }
  return cached.client
}

function endpoint(url: string | undefined): { host?: string; port?: number; protocol?: 'http' | 'https' } {
  if (!url) return {}
  const parsed = new URL(url)
  const protocol = parsed.protocol === 'http:' ? 'http' : 'https'
  return { host: parsed.hostname, port: Number(parsed.port || (protocol === 'http' ? 80 : 443)), protocol }
}
