import { config } from '../../lib/config.ts'
import { version } from '../../lib/projectRoot.ts'

/**
 * What GET /api/v1/system/config shows: spec 003's keys plus which optional services are on. Only
 * booleans, numbers and public names: never a secret, a key, a token or a connection URL.
 */
export function systemConfig() {
  return {
    environment: config.NODE_ENV,
    debug_mode: !config.isProduction,
    max_upload_size: config.UPLOAD_MAX_BYTES,
    stripe_enabled: Boolean(config.STRIPE_SECRET_KEY),
    redis_enabled: Boolean(config.REDIS_URL),
    version,
    public_url: config.PUBLIC_URL,
    email_enabled: Boolean(config.SMTP_URL),
    s3_enabled: Boolean(config.S3_BUCKET),
    cron_enabled: config.CRON_ENABLED,
    analytics_enabled: config.ANALYTICS_ENABLED,
    metrics_token_set: Boolean(config.METRICS_TOKEN),
    log_level: config.LOG_LEVEL,
    rate_limits_per_hour: {
      anonymous: config.RATE_LIMIT_ANON_PER_HOUR,
      authenticated: config.RATE_LIMIT_AUTH_PER_HOUR,
      premium: config.RATE_LIMIT_PREMIUM_PER_HOUR,
    },
    user_storage_quota: config.USER_STORAGE_QUOTA_BYTES,
  }
}
