import { decodeJwt } from 'jose'
import { sqlRows } from '../helpers/db.ts'
import { makeEvent, makeUser, type TestUser } from '../helpers/factories.ts'
import { redirects, startPaymentsApp, type PaymentsApp } from '../helpers/paymentsApp.ts'

let env: PaymentsApp
beforeAll(async () => {
  env = await startPaymentsApp()
  // Spec 003's billing webhook receives the subscription events here (payments/webhook shares the handler).
  env.stripe.setWebhookUrl(`${env.app.url}/api/v1/billing/webhook`)
})
afterAll(() => env.stop())

const query = <T = Record<string, unknown>>(text: string, values?: unknown[]) => sqlRows<T>(env.app, text, values)
const tierOf = async (user: TestUser) =>
  (await query<{ rate_limit_tier: string }>('SELECT rate_limit_tier FROM users WHERE id = $1', [user.user.id]))[0].rate_limit_tier
const meOf = async (user: TestUser) => (await env.app.api.get('/api/v1/users/me', { token: user.token })).body
const billingCheckout = (user: TestUser, extra: Record<string, unknown> = {}) =>
  env.app.api.post(
    '/api/v1/billing/checkout',
    { success_url: redirects.success_url, cancel_url: redirects.cancel_url, ...extra },
    { token: user.token },
  )

/** A member with an active premium_monthly subscription, bought through subscription-mode Checkout. */
async function subscriber(): Promise<{ member: TestUser; subscriptionId: string }> {
  const member = await makeUser(env.app)
  const res = await billingCheckout(member)
  expect(res.status).toBe(200)
  await env.stripe.paySession(String(res.body.session_id))
  const session = env.stripe.store.checkoutSessions.get(String(res.body.session_id))
  return { member, subscriptionId: String(session?.subscription) }
}

describe('subscription Checkout (spec 003)', () => {
  it('starts a subscription-mode session for the default plan and activates the subscription when paid', async () => {
    const member = await makeUser(env.app)
    expect(await meOf(member)).toMatchObject({ subscription_status: 'none' })
    const res = await billingCheckout(member)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      session_id: expect.stringMatching(/^cs_test_/),
      url: expect.stringContaining(`/checkout/${res.body.session_id}`),
    })
    expect(env.stripe.store.checkoutSessions.get(String(res.body.session_id))).toMatchObject({
      mode: 'subscription',
      amount_total: 4999,
      currency: 'usd',
      metadata: { user_id: String(member.user.id) },
    })

    await env.stripe.paySession(String(res.body.session_id))
    const subscription = await env.app.api.get('/api/v1/billing/subscription', { token: member.token })
    expect(subscription.status).toBe(200)
    expect(subscription.body).toMatchObject({
      id: expect.any(Number),
      status: 'active',
      current_period_start: expect.any(String),
      current_period_end: expect.any(String),
      cancel_at_period_end: false,
      price: 49.99,
      currency: 'usd',
    })
    const days =
      (Date.parse(String(subscription.body.current_period_end)) - Date.parse(String(subscription.body.current_period_start))) / 86_400_000
    expect(days).toBeGreaterThanOrEqual(28)
    expect(await meOf(member)).toMatchObject({ subscription_status: 'active' })
    expect(await tierOf(member)).toBe('premium')
    // The rate-limit tier travels in the access token: the next refresh carries premium.
    const refreshed = await env.app.api.post('/api/v1/auth/refresh', { refresh_token: member.refresh })
    expect(refreshed.status).toBe(200)
    expect(decodeJwt(String(refreshed.body.access_token))).toMatchObject({ tier: 'premium' })
  })

  it('closes an earlier, unpaid Checkout Session when a new one is opened', async () => {
    const member = await makeUser(env.app)
    const first = await billingCheckout(member)
    const second = await billingCheckout(member)
    expect(second.body.session_id).not.toBe(first.body.session_id)
    expect(env.stripe.store.checkoutSessions.get(String(first.body.session_id))).toMatchObject({ status: 'expired' })
    expect(env.stripe.store.checkoutSessions.get(String(second.body.session_id))).toMatchObject({ status: 'open' })
  })

  it('refuses a second subscription, an unknown plan, a foreign redirect and anonymous callers', async () => {
    const { member } = await subscriber()
    expect(await billingCheckout(member)).toMatchObject({
      status: 409,
      body: { detail: expect.stringMatching(/already have a subscription/) },
    })
    const other = await makeUser(env.app)
    expect(await billingCheckout(other, { plan_id: 'gold_forever' })).toMatchObject({
      status: 404,
      body: { detail: 'Unknown plan "gold_forever".' },
    })
    expect((await billingCheckout(other, { success_url: 'https://evil.example.net/phish' })).status).toBe(400)
    expect((await billingCheckout(other, { success_url: 'not a url' })).status).toBe(400)
    expect((await env.app.api.post('/api/v1/billing/checkout', redirects)).status).toBe(401)
    expect((await env.app.api.get('/api/v1/billing/subscription', { token: other.token })).status).toBe(404)
  })

  it('goes create -> cancel at period end -> reactivate -> deleted, keeping premium until the end', async () => {
    const { member, subscriptionId } = await subscriber()
    const cancel = await env.app.api.post('/api/v1/billing/subscription/cancel', {}, { token: member.token })
    expect(cancel.status).toBe(200)
    expect(cancel.body).toMatchObject({
      status: 'active',
      cancel_at_period_end: true,
      detail: 'Subscription will cancel at the end of the period.',
    })
    expect(env.stripe.store.subscriptions.get(subscriptionId)).toMatchObject({ cancel_at_period_end: true })
    expect(await tierOf(member)).toBe('premium')

    const reactivate = await env.app.api.post('/api/v1/billing/subscription/reactivate', {}, { token: member.token })
    expect(reactivate).toMatchObject({
      status: 200,
      body: { status: 'active', cancel_at_period_end: false, detail: 'Subscription reactivated.' },
    })
    expect(await env.app.api.post('/api/v1/billing/subscription/reactivate', {}, { token: member.token })).toMatchObject({
      status: 400,
      body: { detail: 'This subscription is not set to cancel.' },
    })

    // Cancel again, and let the period end: Stripe deletes the subscription and says so.
    await env.app.api.post('/api/v1/billing/subscription/cancel?cancel_immediately=false', {}, { token: member.token })
    const stored = env.stripe.store.subscriptions.get(subscriptionId)
    if (!stored) throw new Error('subscription missing at the fake Stripe')
    Object.assign(stored, { status: 'canceled', ended_at: Math.floor(Date.now() / 1000) })
    await env.stripe.emit('customer.subscription.deleted', stored as unknown as Record<string, unknown>)
    expect((await env.app.api.get('/api/v1/billing/subscription', { token: member.token })).body).toMatchObject({ status: 'canceled' })
    expect(await meOf(member)).toMatchObject({ subscription_status: 'canceled' })
    expect(await tierOf(member)).toBe('standard')
    expect(await env.app.api.post('/api/v1/billing/subscription/reactivate', {}, { token: member.token })).toMatchObject({
      status: 400,
      body: { detail: expect.stringMatching(/has ended/) },
    })
    // Ended, so a new subscription may start.
    expect((await billingCheckout(member)).status).toBe(200)
  })

  it('cancels immediately on ?cancel_immediately=true', async () => {
    const { member, subscriptionId } = await subscriber()
    const res = await env.app.api.post('/api/v1/billing/subscription/cancel?cancel_immediately=true', {}, { token: member.token })
    expect(res).toMatchObject({ status: 200, body: { status: 'canceled', detail: 'Subscription cancelled.' } })
    expect(env.stripe.store.subscriptions.get(subscriptionId)).toMatchObject({ status: 'canceled' })
    await env.stripe.settle()
    expect(await tierOf(member)).toBe('standard')
    expect(await env.app.api.post('/api/v1/billing/subscription/cancel', {}, { token: member.token })).toMatchObject({
      status: 400,
      body: { detail: 'This subscription has already ended.' },
    })
    expect(
      (await env.app.api.post('/api/v1/billing/subscription/cancel?cancel_immediately=maybe', {}, { token: member.token })).status,
    ).toBe(400)
  })

  it('is not rolled back by a stale subscription event delivered late', async () => {
    const { member, subscriptionId } = await subscriber()
    await env.app.api.post('/api/v1/billing/subscription/cancel', {}, { token: member.token })
    const stale = env.stripe.store.subscriptions.get(subscriptionId)
    const snapshot = structuredClone(stale) as unknown as Record<string, unknown>
    await env.app.api.post('/api/v1/billing/subscription/reactivate', {}, { token: member.token })
    // The "cancel_at_period_end: true" update arrives after the reactivation.
    await env.stripe.emit('customer.subscription.updated', snapshot)
    await env.stripe.settle()
    expect((await env.app.api.get('/api/v1/billing/subscription', { token: member.token })).body).toMatchObject({
      status: 'active',
      cancel_at_period_end: false,
    })
  })

  it('lists invoices from Stripe (spec 003 body), newest first, honouring limit', async () => {
    const { member } = await subscriber()
    const res = await env.app.api.get('/api/v1/billing/invoices?limit=5', { token: member.token })
    expect(res.status).toBe(200)
    expect(res.body).toEqual([
      {
        id: expect.stringMatching(/^in_/),
        amount_due: 4999,
        amount_paid: 4999,
        currency: 'usd',
        status: 'paid',
        created: expect.any(String),
        invoice_pdf: expect.stringMatching(/^http/),
        hosted_invoice_url: expect.stringMatching(/^http/),
      },
    ])
    expect((await env.app.api.get('/api/v1/billing/invoices', { token: (await makeUser(env.app)).token })).body).toEqual([])
    expect((await env.app.api.get('/api/v1/billing/invoices?limit=0', { token: member.token })).status).toBe(400)
    expect((await env.app.api.get('/api/v1/billing/invoices?limit=abc', { token: member.token })).status).toBe(400)
  })
})

describe('subscribe with a payment method (spec 001)', () => {
  const subscribe = (member: TestUser, paymentMethodId: string, planId = 'premium_monthly') =>
    env.app.api.post('/api/v1/payments/subscribe/', { plan_id: planId, payment_method_id: paymentMethodId }, { token: member.token })

  it('activates at once with a working card and reports it on payments/status and users/me', async () => {
    const member = await makeUser(env.app)
    const before = await env.app.api.get('/api/v1/payments/status/', { token: member.token })
    expect(before.body).toEqual({ success: true, data: { subscription_status: 'none', subscription: null } })
    // A Checkout tab left open earlier must not be payable afterwards (it would start a second subscription).
    const abandoned = await billingCheckout(member)
    const res = await subscribe(member, 'pm_card_visa')
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      success: true,
      data: {
        subscription: { id: expect.stringMatching(/^sub_/), status: 'active', current_period_end: expect.any(String) },
        client_secret: expect.stringMatching(/_secret_/),
      },
    })
    const status = await env.app.api.get('/api/v1/payments/status', { token: member.token })
    expect(status.body).toMatchObject({
      success: true,
      data: { subscription_status: 'active', subscription: { status: 'active', price: 49.99, currency: 'usd' } },
    })
    expect(await meOf(member)).toMatchObject({ subscription_status: 'active' })
    expect(await tierOf(member)).toBe('premium')
    expect(await subscribe(member, 'pm_card_visa')).toMatchObject({ status: 409, body: { success: false } })
    expect(env.stripe.store.checkoutSessions.get(String(abandoned.body.session_id))).toMatchObject({ status: 'expired' })
  })

  it('returns the client secret for 3-D Secure and activates on the webhooks', async () => {
    const member = await makeUser(env.app)
    const res = await subscribe(member, 'pm_card_threeDSecureRequired')
    expect(res.body).toMatchObject({
      data: { subscription: { status: 'incomplete' }, client_secret: expect.stringMatching(/^pi_.+_secret_/) },
    })
    expect(await tierOf(member)).toBe('standard')
    await env.stripe.completePaymentIntent(String(res.body.data.client_secret).split('_secret_')[0])
    await env.stripe.settle()
    expect((await env.app.api.get('/api/v1/payments/status', { token: member.token })).body).toMatchObject({
      data: { subscription_status: 'active' },
    })
    expect(await tierOf(member)).toBe('premium')
  })

  it('answers 402 for a declined card and leaves no subscription behind', async () => {
    const member = await makeUser(env.app)
    const res = await subscribe(member, 'pm_card_chargeDeclined')
    expect(res).toMatchObject({ status: 402, body: { success: false, detail: { message: 'Your card was declined.' } } })
    const [stripeSub] = [...env.stripe.store.subscriptions.values()].filter((sub) => sub.metadata.user_id === String(member.user.id))
    expect(stripeSub).toMatchObject({ status: 'canceled' })
    expect((await env.app.api.get('/api/v1/payments/status', { token: member.token })).body).toMatchObject({
      data: { subscription_status: 'canceled' },
    })
    expect(await tierOf(member)).toBe('standard')
    // Trying the same card again is declined again; another card then works.
    expect((await subscribe(member, 'pm_card_chargeDeclined')).status).toBe(402)
    expect(await subscribe(member, 'pm_card_mastercard')).toMatchObject({
      status: 201,
      body: { data: { subscription: { status: 'active' } } },
    })
    await env.stripe.settle()
    expect(await tierOf(member)).toBe('premium')
  })

  it('creates one subscription when the same request is submitted twice at once', async () => {
    const member = await makeUser(env.app)
    const [first, second] = await Promise.all([subscribe(member, 'pm_card_visa'), subscribe(member, 'pm_card_visa')])
    const ok = [first, second].filter((res) => res.status === 201)
    expect(ok.length).toBeGreaterThanOrEqual(1)
    for (const res of [first, second]) expect([201, 409]).toContain(res.status)
    expect(new Set(ok.map((res) => res.body.data.subscription.id)).size).toBe(1)
    await env.stripe.settle()
    expect([...env.stripe.store.subscriptions.values()].filter((sub) => sub.metadata.user_id === String(member.user.id))).toHaveLength(1)
  })

  it('answers 404 for an unknown plan, 400 for an unknown payment method and for a missing field', async () => {
    const member = await makeUser(env.app)
    expect(await subscribe(member, 'pm_card_visa', 'gold_forever')).toMatchObject({ status: 404, body: { success: false } })
    expect(await subscribe(member, 'card_bogus_123')).toMatchObject({ status: 400, body: { success: false } })
    expect((await env.app.api.post('/api/v1/payments/subscribe', { plan_id: 'premium_monthly' }, { token: member.token })).status).toBe(400)
    expect(await env.app.api.get('/api/v1/payments/status', { token: member.token })).toMatchObject({
      status: 200,
      body: { data: { subscription_status: 'none' } },
    })
  })

  it('books a paid event with an unknown payment method as 400 and frees the seat', async () => {
    const event = await makeEvent(env.app, { price_cents: 900, max_attendees: 1 })
    const member = await makeUser(env.app)
    const res = await env.app.api.post(
      '/api/v1/events/book',
      { event_id: event.id, payment_method_id: 'card_bogus_123' },
      { token: member.token },
    )
    expect(res).toMatchObject({ status: 400, body: { success: false } })
    expect((await query<{ seats_taken: string }>('SELECT seats_taken FROM events WHERE id = $1', [event.id]))[0].seats_taken).toBe('0')
  })
})
