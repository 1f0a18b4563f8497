import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { text } from 'node:stream/consumers'
import Stripe from 'stripe'
import { sdkFor, startFakeStripe, type FakeStripe } from '../../../helpers/fakeStripe.ts'

const SECRET = 'whsec_checkout_test'
type Received = { signature: string; event: Stripe.Event }

let fake: FakeStripe
let stripe: Stripe
let receiver: http.Server
const received: Received[] = []

beforeAll(async () => {
  // A webhook endpoint that verifies every delivery exactly like an application would.
  receiver = http.createServer(async (req, res) => {
    const body = await text(req)
    const signature = String(req.headers['stripe-signature'])
    received.push({ signature, event: stripe.webhooks.constructEvent(body, signature, SECRET) })
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}')
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/stripe`
  fake = await startFakeStripe({ webhookSecret: SECRET, webhookUrl })
  stripe = sdkFor(fake)
})

afterAll(async () => {
  await fake.close()
  await new Promise((resolve) => receiver.close(resolve))
})

beforeEach(() => {
  received.length = 0
})

const ticketSession = (extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) =>
  stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ quantity: 2, price_data: { currency: 'usd', unit_amount: 2500, product_data: { name: 'Conference ticket' } } }],
    metadata: { registration_id: '5' },
    success_url: 'http://app.test/paid?session={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://app.test/cancelled',
    ...extra,
  })

const nowSeconds = () => Math.floor(Date.now() / 1000)

describe('POST /v1/checkout/sessions', () => {
  it('creates an open session shaped like Stripe and records the wire-format request', async () => {
    const session = await ticketSession({
      client_reference_id: 'reg-5',
      customer_email: 'ada@example.com',
      allowed_payment_method_types: ['card', 'alipay'],
    })
    expect(session.id).toMatch(/^cs_test_[A-Za-z0-9]{58}$/)
    expect(session).toMatchObject({
      object: 'checkout.session',
      url: `${fake.url}/checkout/${session.id}`,
      status: 'open',
      payment_status: 'unpaid',
      mode: 'payment',
      amount_total: 5000,
      currency: 'usd',
      metadata: { registration_id: '5' },
      client_reference_id: 'reg-5',
      customer_email: 'ada@example.com',
      payment_intent: null,
      subscription: null,
      allowed_payment_method_types: ['card', 'alipay'],
      payment_method_types: ['card', 'alipay'],
      livemode: false,
    })
    expect(session.expires_at - nowSeconds()).toBeGreaterThan(24 * 3600 - 60)
    const request = fake.requests.at(-1)
    expect(request).toMatchObject({ method: 'POST', path: '/v1/checkout/sessions' })
    expect(request?.idempotencyKey).toMatch(/^stripe-node-retry-/)
    expect(request?.body.line_items).toEqual([
      { quantity: '2', price_data: { currency: 'usd', unit_amount: '2500', product_data: { name: 'Conference ticket' } } },
    ])
  })

  it('accepts wechat_pay with its client option and a custom expiry', async () => {
    const expiresAt = nowSeconds() + 3600
    const session = await ticketSession({
      allowed_payment_method_types: ['wechat_pay'],
      payment_method_options: { wechat_pay: { client: 'web' } },
      expires_at: expiresAt,
    })
    expect(session.expires_at).toBe(expiresAt)
    expect(session.payment_method_options).toEqual({ wechat_pay: { client: 'web' } })
  })

  it('also takes the older payment_method_types parameter on the wire', async () => {
    const body = {
      mode: 'payment',
      payment_method_types: ['card', 'wechat_pay'],
      line_items: [{ quantity: 1, price_data: { currency: 'cny', unit_amount: 800, product_data: { name: 'Tea' } } }],
    }
    await expect(stripe.rawRequest('POST', '/v1/checkout/sessions', body)).rejects.toMatchObject({
      statusCode: 400,
      param: 'payment_method_options[wechat_pay][client]',
    })
    const session: Stripe.Checkout.Session = await stripe.rawRequest('POST', '/v1/checkout/sessions', {
      ...body,
      payment_method_options: { wechat_pay: { client: 'android' } },
    })
    expect(session).toMatchObject({
      payment_method_types: ['card', 'wechat_pay'],
      allowed_payment_method_types: null,
      amount_total: 800,
      currency: 'cny',
    })
    expect(fake.requests.at(-1)?.body.payment_method_types).toEqual(['card', 'wechat_pay'])
  })

  it.each([
    ['an unsupported payment method', { allowed_payment_method_types: ['card', 'paypal'] }, 'allowed_payment_method_types[1]'],
    ['wechat_pay without a client', { allowed_payment_method_types: ['wechat_pay'] }, 'payment_method_options[wechat_pay][client]'],
    ['an expiry under 30 minutes', { expires_at: nowSeconds() + 600 }, 'expires_at'],
    ['an expiry over 24 hours', { expires_at: nowSeconds() + 25 * 3600 }, 'expires_at'],
    ['an unknown customer', { customer: 'cus_missing' }, 'customer'],
    [
      'a line item without quantity',
      { line_items: [{ price_data: { currency: 'usd', unit_amount: 100, product_data: { name: 'x' } } }] },
      'line_items[0][quantity]',
    ],
  ] as [string, Partial<Stripe.Checkout.SessionCreateParams>, string][])(
    'rejects %s with a 400 naming the param',
    async (_label, extra, param) => {
      await expect(ticketSession(extra)).rejects.toMatchObject({
        statusCode: 400,
        type: 'StripeInvalidRequestError',
        rawType: 'invalid_request_error',
        param,
      })
    },
  )

  it('rejects recurring prices in payment mode', async () => {
    const recurring = { currency: 'usd', unit_amount: 900, product_data: { name: 'Pro' }, recurring: { interval: 'month' as const } }
    await expect(ticketSession({ line_items: [{ quantity: 1, price_data: recurring }] })).rejects.toMatchObject({
      statusCode: 400,
      param: 'line_items',
    })
  })
})

describe('reading and expiring sessions', () => {
  it('retrieves by id, expands line items, and answers unknown ids with resource_missing', async () => {
    const session = await ticketSession()
    const fetched = await stripe.checkout.sessions.retrieve(session.id, { expand: ['line_items'] })
    expect(fetched.line_items?.data.map((item) => [item.description, item.quantity, item.amount_total])).toEqual([
      ['Conference ticket', 2, 5000],
    ])
    await expect(stripe.checkout.sessions.retrieve('cs_test_missing')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' })
  })

  it('lists newest first with limit, starting_after and created[gte]', async () => {
    const first = await ticketSession()
    const second = await ticketSession()
    const page = await stripe.checkout.sessions.list({ limit: 1 })
    expect(page).toMatchObject({ object: 'list', has_more: true, url: '/v1/checkout/sessions' })
    expect(page.data.map((session) => session.id)).toEqual([second.id])
    const next = await stripe.checkout.sessions.list({ limit: 1, starting_after: second.id })
    expect(next.data[0].id).toBe(first.id)
    const future = await stripe.checkout.sessions.list({ created: { gte: nowSeconds() + 3600 } })
    expect(future.data).toEqual([])
  })

  it('expires an open session once, firing checkout.session.expired with the request idempotency key', async () => {
    const session = await ticketSession()
    const expired = await stripe.checkout.sessions.expire(session.id, {}, { idempotencyKey: 'expire-once' })
    expect(expired).toMatchObject({ status: 'expired', url: null })
    await fake.settle()
    expect(received).toHaveLength(1)
    expect(received[0].event).toMatchObject({
      type: 'checkout.session.expired',
      data: { object: { id: session.id } },
      request: { idempotency_key: 'expire-once' },
    })
    await expect(stripe.checkout.sessions.expire(session.id)).rejects.toMatchObject({ statusCode: 400 })
  })
})

describe('simulating the customer', () => {
  it('paySession completes a payment session and delivers a verifiable checkout.session.completed', async () => {
    const session = await ticketSession()
    const events = await fake.paySession(session.id)
    expect(events.map((event) => event.type)).toEqual(['checkout.session.completed'])
    expect(received).toHaveLength(1)
    expect(received[0].signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)
    expect(received[0].event).toMatchObject({
      id: events[0].id,
      object: 'event',
      type: 'checkout.session.completed',
      livemode: false,
      api_version: Stripe.API_VERSION,
    })
    expect(received[0].event.data.object).toMatchObject({
      id: session.id,
      status: 'complete',
      payment_status: 'paid',
      metadata: { registration_id: '5' },
    })
    const paid = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] })
    const intent = paid.payment_intent as Stripe.PaymentIntent
    expect(intent).toMatchObject({ object: 'payment_intent', status: 'succeeded', amount: 5000, metadata: { registration_id: '5' } })
    expect(intent.id).toMatch(/^pi_/)
    expect(intent.latest_charge).toMatch(/^ch_/)
    await expect(fake.paySession(session.id)).rejects.toThrow(/is complete, not open/)
  })

  it('paySession with deliver:false records the event without posting it', async () => {
    const session = await ticketSession()
    const [event] = await fake.paySession(session.id, { deliver: false })
    await fake.settle()
    expect(received).toEqual([])
    const listed = await stripe.events.list({ type: 'checkout.session.completed', limit: 1 })
    expect(listed.data[0].id).toBe(event.id)
    expect((await stripe.events.retrieve(event.id)).type).toBe('checkout.session.completed')
  })

  it('paySession async completes unpaid and then fires async_payment_succeeded', async () => {
    const session = await ticketSession({ allowed_payment_method_types: ['alipay'] })
    const events = await fake.paySession(session.id, { async: true })
    expect(events.map((event) => [event.type, event.data.object.payment_status])).toEqual([
      ['checkout.session.completed', 'unpaid'],
      ['checkout.session.async_payment_succeeded', 'paid'],
    ])
    expect(received.map(({ event }) => event.type)).toEqual(['checkout.session.completed', 'checkout.session.async_payment_succeeded'])
  })

  it('failSession fires payment_intent.payment_failed carrying the session metadata; the session stays open for a retry', async () => {
    const session = await ticketSession()
    const [event] = await fake.failSession(session.id)
    expect(event.type).toBe('payment_intent.payment_failed')
    expect(event.data.object).toMatchObject({
      object: 'payment_intent',
      status: 'requires_payment_method',
      metadata: { registration_id: '5' },
    })
    expect(event.data.object.last_payment_error).toMatchObject({ code: 'card_declined', message: 'Your card was declined.' })
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open')
    const [completed] = await fake.paySession(session.id)
    expect(completed.data.object).toMatchObject({ status: 'complete', payment_intent: event.data.object.id })
    expect(fake.store.paymentIntents.get(String(event.data.object.id))).toMatchObject({ status: 'succeeded', last_payment_error: null })
  })

  it('failSession async completes unpaid then fires async_payment_failed', async () => {
    const session = await ticketSession({ allowed_payment_method_types: ['alipay'] })
    const events = await fake.failSession(session.id, { async: true })
    expect(events.map((event) => event.type)).toEqual(['checkout.session.completed', 'checkout.session.async_payment_failed'])
    expect(fake.store.checkoutSessions.get(session.id)).toMatchObject({ status: 'complete', payment_status: 'unpaid' })
  })

  it('expireSession expires the session and fires checkout.session.expired', async () => {
    const session = await ticketSession()
    const [event] = await fake.expireSession(session.id)
    expect(event).toMatchObject({ type: 'checkout.session.expired', request: { id: null, idempotency_key: null } })
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('expired')
  })

  it('paying a subscription session creates the customer, an active subscription and a paid invoice', async () => {
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      customer_email: 'sub@example.com',
      line_items: [
        {
          quantity: 1,
          price_data: { currency: 'eur', unit_amount: 1200, product_data: { name: 'Membership' }, recurring: { interval: 'year' } },
        },
      ],
      subscription_data: { metadata: { membership_id: '9' } },
    })
    const events = await fake.paySession(session.id)
    expect(events.map((event) => event.type)).toEqual(['checkout.session.completed', 'customer.subscription.created', 'invoice.paid'])
    const completed = await stripe.checkout.sessions.retrieve(session.id)
    const subscription = await stripe.subscriptions.retrieve(String(completed.subscription))
    expect(subscription).toMatchObject({ status: 'active', customer: completed.customer, metadata: { membership_id: '9' } })
    expect(subscription.items.data[0].current_period_end - subscription.items.data[0].current_period_start).toBe(365 * 86400)
    expect((await stripe.customers.retrieve(String(completed.customer))) as Stripe.Customer).toMatchObject({ email: 'sub@example.com' })
    const invoice = await stripe.invoices.retrieve(String(completed.invoice))
    expect(invoice).toMatchObject({ status: 'paid', amount_paid: 1200, currency: 'eur', customer: completed.customer })
  })
})

describe('signing and raw delivery', () => {
  it('emit delivers any event; sign with an old timestamp fails verification', async () => {
    const event = await fake.emit('customer.updated', { id: 'cus_x', object: 'customer' })
    expect(received.map(({ event: got }) => [got.id, got.type])).toEqual([[event.id, 'customer.updated']])
    const payload = JSON.stringify(event)
    const stale = fake.sign(payload, { timestamp: nowSeconds() - 3600 })
    expect(() => stripe.webhooks.constructEvent(payload, stale, SECRET)).toThrow(/tolerance/)
    expect(stripe.webhooks.constructEvent(payload, fake.sign(payload), SECRET).id).toBe(event.id)
  })

  it('deliver posts a raw body with the given signature and returns the answer', async () => {
    receiver.removeAllListeners('request')
    receiver.on('request', (_req, res) => res.writeHead(400).end('bad signature'))
    expect(await fake.deliver('{"id":"evt_raw"}', { signature: 't=1,v1=00' })).toEqual({ status: 400, body: 'bad signature' })
  })
})
