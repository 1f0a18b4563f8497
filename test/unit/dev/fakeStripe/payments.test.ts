import Stripe from 'stripe'
import { sdkFor, startFakeStripe, type FakeStripe } from '../../../helpers/fakeStripe.ts'

let fake: FakeStripe
let stripe: Stripe

beforeAll(async () => {
  // No webhook URL: events are only recorded, which is what these tests read.
  fake = await startFakeStripe({ webhookSecret: 'whsec_payments_test' })
  stripe = sdkFor(fake)
})

afterAll(() => fake.close())

const metadata = { payment_id: '17', registration_id: '5' }
const pay = (paymentMethod: string, extra: Partial<Stripe.PaymentIntentCreateParams> = {}) =>
  stripe.paymentIntents.create({
    amount: 5000,
    currency: 'usd',
    payment_method: paymentMethod,
    confirm: true,
    allowed_payment_method_types: ['card'],
    metadata,
    ...extra,
  })

const eventsOf = (type: string) => [...fake.store.events.values()].filter((event) => event.type === type)

describe('PaymentIntents', () => {
  it('confirming with pm_card_visa succeeds with a charge and fires payment_intent.succeeded', async () => {
    const intent = await pay('pm_card_visa')
    expect(intent).toMatchObject({
      object: 'payment_intent',
      status: 'succeeded',
      amount: 5000,
      amount_received: 5000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      metadata,
    })
    expect(intent.id).toMatch(/^pi_[A-Za-z0-9]{24}$/)
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_`))
    expect(intent.latest_charge).toMatch(/^ch_/)
    expect(eventsOf('payment_intent.succeeded').map((event) => event.data.object.id)).toContain(intent.id)
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded')
  })

  it('3-D Secure cards require action until completePaymentIntent finishes them', async () => {
    const intent = await pay('pm_card_threeDSecureRequired')
    expect(intent.status).toBe('requires_action')
    expect(intent.next_action?.type).toBe('use_stripe_sdk')
    const events = await fake.completePaymentIntent(intent.id)
    expect(events.map((event) => [event.type, event.data.object.status, event.data.object.metadata])).toEqual([
      ['payment_intent.succeeded', 'succeeded', metadata],
    ])
  })

  it('declined cards answer 402 card_declined with the intent, and fire payment_intent.payment_failed', async () => {
    const error: unknown = await pay('pm_card_chargeDeclined').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError)
    expect(error).toMatchObject({
      statusCode: 402,
      code: 'card_declined',
      decline_code: 'generic_decline',
      message: 'Your card was declined.',
    })
    const declined = (error as Stripe.errors.StripeCardError).payment_intent
    expect(declined).toMatchObject({ status: 'requires_payment_method', metadata, last_payment_error: { code: 'card_declined' } })
    expect(eventsOf('payment_intent.payment_failed').map((event) => event.data.object.id)).toContain(declined?.id)
  })

  it('without confirm waits for a payment method or a confirmation', async () => {
    const bare = await stripe.paymentIntents.create({ amount: 700, currency: 'EUR' })
    expect(bare).toMatchObject({ status: 'requires_payment_method', currency: 'eur', payment_method_types: ['card'] })
    const withMethod = await stripe.paymentIntents.create({ amount: 700, currency: 'eur', payment_method: 'pm_card_visa' })
    expect(withMethod.status).toBe('requires_confirmation')
    expect((await stripe.paymentIntents.confirm(withMethod.id)).status).toBe('succeeded')
    await expect(stripe.paymentIntents.confirm(bare.id)).rejects.toMatchObject({ statusCode: 400, param: 'payment_method' })
  })

  it('validates amount and currency and lists newest first', async () => {
    await expect(stripe.rawRequest('POST', '/v1/payment_intents', { currency: 'usd' })).rejects.toMatchObject({
      statusCode: 400,
      param: 'amount',
      code: 'parameter_missing',
    })
    await expect(stripe.rawRequest('POST', '/v1/payment_intents', { amount: 'ten', currency: 'usd' })).rejects.toMatchObject({
      statusCode: 400,
      param: 'amount',
    })
    const latest = await stripe.paymentIntents.create({ amount: 100, currency: 'usd' })
    const page = await stripe.paymentIntents.list({ limit: 2, created: { gte: latest.created } })
    expect(page.data[0].id).toBe(latest.id)
    expect(page.data).toHaveLength(2)
  })
})

describe('refunds', () => {
  it('refunds a PaymentIntent in full and fires charge.refunded with the intent metadata', async () => {
    const intent = await pay('pm_card_visa')
    const refund = await stripe.refunds.create({
      payment_intent: intent.id,
      reason: 'requested_by_customer',
      metadata: { payment_id: '17' },
    })
    expect(refund).toMatchObject({
      object: 'refund',
      amount: 5000,
      currency: 'usd',
      payment_intent: intent.id,
      charge: intent.latest_charge,
      status: 'succeeded',
      reason: 'requested_by_customer',
    })
    expect(refund.id).toMatch(/^re_/)
    const [event] = eventsOf('charge.refunded').filter((candidate) => candidate.data.object.payment_intent === intent.id)
    expect(event.data.object).toMatchObject({
      object: 'charge',
      id: intent.latest_charge,
      amount: 5000,
      amount_refunded: 5000,
      refunded: true,
      metadata,
    })
    expect(event.data.previous_attributes).toEqual({ amount_refunded: 0, refunded: false })
    await expect(stripe.refunds.create({ payment_intent: intent.id })).rejects.toMatchObject({
      statusCode: 400,
      code: 'charge_already_refunded',
    })
  })

  it('refunds part of a charge and refuses more than what is left', async () => {
    const intent = await pay('pm_card_visa')
    await stripe.refunds.create({ payment_intent: intent.id, amount: 1000 })
    const charge = await stripe.charges.retrieve(String(intent.latest_charge))
    expect(charge).toMatchObject({ amount_refunded: 1000, refunded: false })
    await expect(stripe.refunds.create({ payment_intent: intent.id, amount: 4001 })).rejects.toMatchObject({
      statusCode: 400,
      param: 'amount',
    })
  })

  it('refuses intents without a successful charge', async () => {
    const open = await stripe.paymentIntents.create({ amount: 100, currency: 'usd' })
    await expect(stripe.refunds.create({ payment_intent: open.id })).rejects.toMatchObject({ statusCode: 400, param: 'payment_intent' })
    await expect(stripe.refunds.create({ payment_intent: 'pi_missing' })).rejects.toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
    })
  })
})

describe('idempotency', () => {
  it('replays the stored response for a repeated key: one refund, one event', async () => {
    const intent = await pay('pm_card_visa')
    const params = { payment_intent: intent.id, metadata: { payment_id: '17' } }
    const first = await stripe.refunds.create(params, { idempotencyKey: 'refund:17' })
    const second = await stripe.refunds.create(params, { idempotencyKey: 'refund:17' })
    expect(second.id).toBe(first.id)
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true')
    expect([...fake.store.refunds.values()].filter((refund) => refund.payment_intent === intent.id)).toHaveLength(1)
    expect(eventsOf('charge.refunded').filter((event) => event.data.object.payment_intent === intent.id)).toHaveLength(1)
    expect(fake.requests.filter((request) => request.idempotencyKey === 'refund:17')).toHaveLength(2)
  })

  it('rejects a reused key with different parameters, and does not store validation errors', async () => {
    await stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'customer:1' })
    await expect(stripe.customers.create({ email: 'b@example.com' }, { idempotencyKey: 'customer:1' })).rejects.toBeInstanceOf(
      Stripe.errors.StripeIdempotencyError,
    )
    await expect(stripe.paymentIntents.create({ amount: 0, currency: 'usd' }, { idempotencyKey: 'intent:fix' })).rejects.toMatchObject({
      statusCode: 400,
    })
    expect((await stripe.paymentIntents.create({ amount: 100, currency: 'usd' }, { idempotencyKey: 'intent:fix' })).amount).toBe(100)
  })
})

describe('protocol', () => {
  it('answers a missing or non-secret key with 401 and unknown routes with 404, Stripe-style', async () => {
    const missing = await fetch(`${fake.url}/v1/customers`)
    expect(missing.status).toBe(401)
    expect(await missing.json()).toMatchObject({
      error: { type: 'invalid_request_error', message: expect.stringContaining('You did not provide an API key') },
    })
    const publishable = await fetch(`${fake.url}/v1/customers`, { headers: { authorization: 'Bearer pk_test_123' } })
    expect(publishable.status).toBe(401)
    await expect(stripe.rawRequest('GET', '/v1/nothing_here')).rejects.toMatchObject({
      statusCode: 404,
      message: expect.stringContaining('Unrecognized request URL (GET: /v1/nothing_here)'),
    })
  })

  it('lists events by types[] and created[gte], paging with starting_after through the SDK auto-pagination', async () => {
    const since = Math.floor(Date.now() / 1000) - 5
    for (let index = 0; index < 5; index++) await fake.emit('invoice.payment_failed', { id: `in_${index}`, object: 'invoice' })
    const seen: string[] = []
    for await (const event of stripe.events.list({ types: ['invoice.payment_failed', 'invoice.paid'], created: { gte: since }, limit: 2 }))
      seen.push('id' in event.data.object ? String(event.data.object.id) : '')
    expect(seen).toEqual(['in_4', 'in_3', 'in_2', 'in_1', 'in_0'])
    expect(fake.requests.filter((request) => request.path === '/v1/events').at(-1)?.body).toMatchObject({
      types: ['invoice.payment_failed', 'invoice.paid'],
      created: { gte: String(since) },
    })
  })
})
