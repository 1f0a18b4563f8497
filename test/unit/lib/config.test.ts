import { DEV_SECRETS, loadConfig } from '../../../src/lib/config.ts'

const productionSecrets = {
  PAYLOAD_SECRET: 'p'.repeat(40),
  JWT_SECRET: 'j'.repeat(40),
  CRM_BEARER_TOKEN: 'c'.repeat(40),
  INTEGRATIONS_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
}

describe('loadConfig', () => {
  it('gives documented defaults in development', () => {
    const config = loadConfig({ NODE_ENV: 'development' })
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      PUBLIC_URL: 'http://localhost:3000',
      ACCESS_TOKEN_TTL: 900,
      REFRESH_TOKEN_TTL: 604800,
      ADMIN_EMAIL: 'admin@example.com',
      SEED_DEMO: true,
      CRON_ENABLED: true,
      TRUST_PROXY: false,
      RATE_LIMIT_ANON_PER_HOUR: 100,
      RATE_LIMIT_AUTH_PER_HOUR: 1000,
      RATE_LIMIT_PREMIUM_PER_HOUR: 5000,
      LOGIN_MAX_FAILURES: 10,
      LOGIN_FAILURE_WINDOW: 900,
      CRM_BEARER_TOKEN: 'crm-static-bearer-token-123',
      CORS_ORIGINS: [],
      CHECKOUT_ALLOWED_ORIGINS: ['http://localhost:3000'],
      LOG_LEVEL: 'info',
    })
    expect(config.DATABASE_URL).toBeUndefined()
  })

  it('parses lists, booleans and durations', () => {
    const config = loadConfig({
      CORS_ORIGINS: 'https://a.test, https://b.test',
      TRUST_PROXY: 'true',
      ACCESS_TOKEN_TTL: '5m',
      SEED_DEMO: '0',
      PORT: '8080',
    })
    expect(config).toMatchObject({
      CORS_ORIGINS: ['https://a.test', 'https://b.test'],
      TRUST_PROXY: true,
      ACCESS_TOKEN_TTL: 300,
      SEED_DEMO: false,
      PORT: 8080,
    })
    expect(config.PUBLIC_URL).toBe('http://localhost:8080')
  })

  it('rejects invalid values with the variable named', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => loadConfig({ ACCESS_TOKEN_TTL: 'soon' })).toThrow(/ACCESS_TOKEN_TTL/)
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/)
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/)
  })

  it('refuses to start in production on a default secret, naming each one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /Refusing to start in production with development default secrets: PAYLOAD_SECRET, JWT_SECRET, CRM_BEARER_TOKEN, INTEGRATIONS_ENCRYPTION_KEYS/,
    )
    expect(() =>
      loadConfig({ NODE_ENV: 'production', ...productionSecrets, INTEGRATIONS_ENCRYPTION_KEYS: DEV_SECRETS.INTEGRATIONS_ENCRYPTION_KEYS }),
    ).toThrow(/: INTEGRATIONS_ENCRYPTION_KEYS\./)
    expect(() => loadConfig({ INTEGRATIONS_ENCRYPTION_KEYS: 'k1:short' })).toThrow(/INTEGRATIONS_ENCRYPTION_KEYS/)
    expect(() => loadConfig({ NODE_ENV: 'production', ...productionSecrets, JWT_SECRET: DEV_SECRETS.JWT_SECRET })).toThrow(/: JWT_SECRET\./)
  })

  it('requires a webhook secret in production only once Stripe is configured', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ...productionSecrets })).not.toThrow()
    expect(() => loadConfig({ NODE_ENV: 'production', ...productionSecrets, STRIPE_SECRET_KEY: 'sk_live_x' })).toThrow(
      /STRIPE_WEBHOOK_SECRET/,
    )
  })

  it('starts in production with real secrets, without demo data', () => {
    const config = loadConfig({ NODE_ENV: 'production', ...productionSecrets, PUBLIC_URL: 'https://api.example.com/' })
    expect(config).toMatchObject({
      isProduction: true,
      SEED_DEMO: false,
      PUBLIC_URL: 'https://api.example.com',
      CHECKOUT_ALLOWED_ORIGINS: ['https://api.example.com'],
    })
  })

  it('lets `next build` compile without production secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' })).not.toThrow()
  })
})
