import { z } from 'zod'
import { parseDurationSeconds } from './duration.ts'

/** Development-only defaults. Production refuses to start while any secret still has one of these values. */
export const DEV_SECRETS = {
  PAYLOAD_SECRET: 'dev-only-payload-secret-change-me-0123456789',
  JWT_SECRET: 'dev-only-jwt-secret-change-me-0123456789abcdef',
  CRM_BEARER_TOKEN: 'crm-static-bearer-token-123',
  STRIPE_WEBHOOK_SECRET: 'whsec_dev_only_local_fake_stripe_secret',
  // base64 of the 32 ASCII bytes "dev-only-integrations-key-32byte": readable by anyone, development only.
  INTEGRATIONS_ENCRYPTION_KEYS: 'dev:ZGV2LW9ubHktaW50ZWdyYXRpb25zLWtleS0zMmJ5dGU=',
} as const

const bool = z.stringbool({ truthy: ['true', '1', 'yes', 'on'], falsy: ['false', '0', 'no', 'off', ''] })
const duration = z.string().transform((value, ctx) => {
  try {
    return parseDurationSeconds(value)
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message })
    return z.NEVER
  }
})
const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
)
const optionalUrl = z.url().optional()

const Env = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: optionalUrl,
  DATABASE_URL: optionalUrl,
  PAYLOAD_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_SECRETS.PAYLOAD_SECRET),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_SECRETS.JWT_SECRET),
  ACCESS_TOKEN_TTL: duration.default(15 * 60),
  REFRESH_TOKEN_TTL: duration.default(7 * 86400),
  ADMIN_EMAIL: z.email().default('admin@example.com'),
  ADMIN_PASSWORD: z.string().min(8).optional(),
  SEED_DEMO: bool.optional(),
  SMTP_URL: optionalUrl,
  EMAIL_FROM: z.string().default('Platform <no-reply@localhost>'),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().default(DEV_SECRETS.STRIPE_WEBHOOK_SECRET),
  STRIPE_API_URL: optionalUrl,
  CHECKOUT_ALLOWED_ORIGINS: csv.optional(),
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_JWKS_URL: z.url().default('https://www.googleapis.com/oauth2/v3/certs'),
  GOOGLE_ISSUER: csv.default(['https://accounts.google.com', 'accounts.google.com']),
  GITHUB_CLIENT_ID: z.string().optional(),
  GITHUB_CLIENT_SECRET: z.string().optional(),
  GITHUB_OAUTH_URL: z.url().default('https://github.com/login/oauth'),
  GITHUB_API_URL: z.url().default('https://api.github.com'),
  CRM_BEARER_TOKEN: z.string().min(16).default(DEV_SECRETS.CRM_BEARER_TOKEN),
  CRM_SERVICE_URL: optionalUrl,
  CRM_PORT: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().min(0).max(65535).optional()),
  REDIS_URL: optionalUrl,
  CORS_ORIGINS: csv.default([]),
  TRUST_PROXY: bool.default(false),
  RATE_LIMIT_ANON_PER_HOUR: z.coerce.number().int().positive().default(100),
  RATE_LIMIT_AUTH_PER_HOUR: z.coerce.number().int().positive().default(1000),
  RATE_LIMIT_PREMIUM_PER_HOUR: z.coerce.number().int().positive().default(5000),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(10),
  LOGIN_FAILURE_WINDOW: duration.default(15 * 60),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(100),
  RATE_LIMIT_REGISTRATIONS_PER_HOUR: z.coerce.number().int().positive().default(20),
  RATE_LIMIT_PASSWORD_RESETS_PER_HOUR: z.coerce.number().int().positive().default(5),
  RATE_LIMIT_WAITLIST_PER_HOUR: z.coerce.number().int().positive().default(10),
  /** Chat messages one sender may post per minute, over all rooms and interfaces. */
  RATE_LIMIT_CHAT_PER_MINUTE: z.coerce.number().int().positive().default(60),
  REFRESH_TOKEN_REUSE_GRACE: duration.default(10),
  REFRESH_FAMILY_LIFETIME: duration.default(30 * 86400),
  WAITLIST_CLAIM_WINDOW: duration.default(24 * 3600),
  CHECKOUT_HOLD: duration.default(31 * 60),
  DEFAULT_PLAN_CODE: z.string().default('premium_monthly'),
  CRON_ENABLED: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'must look like 100kb or 1mb')
    .default('1mb'),
  UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(104_857_600),
  USER_STORAGE_QUOTA_BYTES: z.coerce.number().int().positive().default(1_073_741_824),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ENDPOINT: optionalUrl,
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  // Usage analytics: rows wait in a bounded buffer and are written in batches off the request path.
  ANALYTICS_ENABLED: bool.default(true),
  ANALYTICS_BUFFER_MAX: z.coerce.number().int().positive().default(10_000),
  ANALYTICS_BATCH_SIZE: z.coerce.number().int().positive().default(500),
  ANALYTICS_FLUSH_INTERVAL_MS: z.coerce.number().int().positive().default(1000),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().default('https://api.openai.com/v1'),
  GOOGLE_AI_API_KEY: z.string().min(1).optional(),
  GOOGLE_AI_BASE_URL: z.url().default('https://generativelanguage.googleapis.com'),
  REPLICATE_API_TOKEN: z.string().min(1).optional(),
  REPLICATE_BASE_URL: z.url().default('https://api.replicate.com/v1'),
  AI_PROVIDER_TIMEOUT: duration.default(30),
  AI_QUOTA_PER_HOUR: z.coerce.number().int().positive().default(100),
  SLACK_API_URL: z.url().default('https://slack.com/api'),
  INTEGRATIONS_ENCRYPTION_KEYS: z
    .string()
    .regex(/^[\w-]{1,32}:[A-Za-z0-9+/]{43}=(\s*,\s*[\w-]{1,32}:[A-Za-z0-9+/]{43}=)*$/, 'must be id:base64-of-32-bytes[,id:key...]')
    .default(DEV_SECRETS.INTEGRATIONS_ENCRYPTION_KEYS),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
})

export type Config = ReturnType<typeof loadConfig>

/** Parses the environment once. Unset values get documented defaults; production refuses development secrets. */
export function loadConfig(env: Record<string, string | undefined>) {
  const parsed = Env.safeParse(env)
  if (!parsed.success) throw new Error(`Invalid configuration:\n${z.prettifyError(parsed.error)}`)
  const raw = parsed.data
  const isProduction = raw.NODE_ENV === 'production'
  // `next build` runs with NODE_ENV=production but serves nothing, so it may compile without real secrets.
  if (isProduction && env.NEXT_PHASE !== 'phase-production-build') assertNoDevSecrets(raw)
  const publicUrl = (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, '')
  return {
    ...raw,
    isProduction,
    isTest: raw.NODE_ENV === 'test',
    PUBLIC_URL: publicUrl,
    CHECKOUT_ALLOWED_ORIGINS: raw.CHECKOUT_ALLOWED_ORIGINS ?? [new URL(publicUrl).origin],
    SEED_DEMO: raw.SEED_DEMO ?? raw.NODE_ENV === 'development',
    LOG_LEVEL: raw.LOG_LEVEL ?? (raw.NODE_ENV === 'test' ? 'warn' : 'info'),
  }
}

function assertNoDevSecrets(raw: z.infer<typeof Env>): void {
  const offending = (Object.keys(DEV_SECRETS) as (keyof typeof DEV_SECRETS)[]).filter(
    (name) => raw[name] === DEV_SECRETS[name] && (name !== 'STRIPE_WEBHOOK_SECRET' || raw.STRIPE_SECRET_KEY),
  )
  if (offending.length > 0) {
    throw new Error(
      `Refusing to start in production with development default secrets: ${offending.join(', ')}. ` +
        'Set each of them to a long random value (for example `openssl rand -hex 32`).',
    )
  }
}

export const config = loadConfig(process.env)

/**
 * Re-reads configuration with some variables replaced, validated like the environment itself. Used by
 * launchers for what is known only after start (the embedded database's URL) and by the test harness
 * (per-file database, fake SMTP and Stripe servers). Call it before payload.config.ts is imported.
 */
export function reloadConfig(overrides: Record<string, string | undefined>): void {
  Object.assign(config, loadConfig({ ...process.env, ...overrides }))
}

/** Hands the embedded database's URL to this process and to the child processes it starts. */
export function useDatabaseUrl(url: string): void {
  process.env.DATABASE_URL = url
  reloadConfig({ DATABASE_URL: url })
}
