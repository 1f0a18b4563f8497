import type { TestApp } from './app.ts'
import { startFakeStripe, type FakeStripe } from './fakeStripe.ts'
import { startMailApp } from './mailApp.ts'
import type { SmtpCapture } from './smtpCapture.ts'

const APP_ORIGIN = 'https://app.example.com'
const WEBHOOK_SECRET = 'whsec_test_platform_secret'

export type PaymentsApp = { app: TestApp; stripe: FakeStripe; smtp: SmtpCapture; stop(): Promise<void> }

/** The platform with the official Stripe SDK pointed at a local fake Stripe, whose webhooks come back to it. */
export async function startPaymentsApp(env: Record<string, string> = {}): Promise<PaymentsApp> {
  const stripe = await startFakeStripe({ webhookSecret: WEBHOOK_SECRET })
  const { app, smtp, stop } = await startMailApp({
    STRIPE_SECRET_KEY: 'sk_test_platform',
    STRIPE_API_URL: stripe.url,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    CHECKOUT_ALLOWED_ORIGINS: APP_ORIGIN,
    ...env,
  })
  stripe.setWebhookUrl(`${app.url}/api/v1/payments/webhook`)
  return {
    app,
    stripe,
    smtp,
    async stop() {
      await stop()
      await stripe.close()
    },
  }
}

export const redirects = {
  success_url: `${APP_ORIGIN}/payment/success?session_id={CHECKOUT_SESSION_ID}`,
  cancel_url: `${APP_ORIGIN}/events/1`,
}
