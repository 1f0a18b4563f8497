import { config } from './config.ts'

/** Configuration values that are secrets: never shown by system/config, metrics or logs. */
export const SECRET_SETTINGS = [
  'PAYLOAD_SECRET',
  'JWT_SECRET',
  'CRM_BEARER_TOKEN',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'GITHUB_CLIENT_SECRET',
  'S3_SECRET_ACCESS_KEY',
  'ADMIN_PASSWORD',
  'METRICS_TOKEN',
  'OPENAI_API_KEY',
  'GOOGLE_AI_API_KEY',
  'REPLICATE_API_TOKEN',
  'INTEGRATIONS_ENCRYPTION_KEYS',
] as const

/** The current secret values (at least 6 characters, so redaction never eats ordinary words). */
export function secretValues(): string[] {
  const values: string[] = SECRET_SETTINGS.map((name) => config[name]).filter((value): value is string => typeof value === 'string')
  // The password inside a connection URL is a secret too.
  for (const url of [config.DATABASE_URL, config.SMTP_URL, config.REDIS_URL]) {
    if (!url) continue
    const password = URL.canParse(url) ? decodeURIComponent(new URL(url).password) : ''
    if (password) values.push(password)
  }
  return values.filter((value) => value.length >= 6)
}
