import type Stripe from 'stripe'
import { sdkFor, startFakeStripe, type FakeStripe } from '../../../helpers/fakeStripe.ts'

let fake: FakeStripe
let stripe: Stripe
let monthly: Stripe.Price

beforeAll(async () => {
  fake = await startFakeStripe({ webhookSecret: 'whsec_billing_test' })
  stripe = sdkFor(fake)
  monthly = await stripe.prices.create({
    currency: 'usd',
    unit_amount: 900,
    recurring: { interval: 'month' },
    product_data: { name: 'Pro' },
    metadata: { plan_id: '3' },
  })
})

afterAll(() => fake.close())

const DAY = 86_400
/** What `expand: ['latest_invoice.payment_intent']` returns (the field left Stripe's Invoice type in API 2025-03-31). */
type ExpandedInvoice = Stripe.Invoice & { payment_intent: Stripe.PaymentIntent }
const eventTypes = (subscriptionId: string) =>
  [...fake.store.events.values()]
    .filter((event) => event.data.object.id === subscriptionId || event.data.object.subscription === subscriptionId)
    .map((event) => event.type)

/** The app's subscribe flow: a customer whose default payment method is `paymentMethod`. */
async function customerPaying(paymentMethod?: string): Promise<Stripe.Customer> {
  const customer = await stripe.customers.create({ email: 'member@example.com', name: 'Member', metadata: { user_id: '7' } })
  if (!paymentMethod) return customer
  await stripe.paymentMethods.attach(paymentMethod, { customer: customer.id })
  return stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: paymentMethod } })
}

describe('customers, payment methods and prices', () => {
  it('creates, updates and retrieves customers with Stripe metadata semantics', async () => {
    const customer = await customerPaying('pm_card_visa')
    expect(customer).toMatchObject({
      object: 'customer',
      email: 'member@example.com',
      name: 'Member',
      invoice_settings: { default_payment_method: 'pm_card_visa' },
    })
    expect(customer.id).toMatch(/^cus_/)
    const updated = await stripe.customers.update(customer.id, { metadata: { user_id: '', tier: 'gold' } })
    expect(updated.metadata).toEqual({ tier: 'gold' })
    await expect(stripe.customers.retrieve('cus_missing')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' })
  })

  it('attaches test payment methods as visa cards and refuses unknown customers', async () => {
    const customer = await customerPaying()
    const method = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id })
    expect(method).toMatchObject({
      id: 'pm_card_visa',
      object: 'payment_method',
      customer: customer.id,
      type: 'card',
      card: { brand: 'visa', last4: '4242' },
    })
    await expect(stripe.paymentMethods.attach('pm_card_visa', { customer: 'cus_missing' })).rejects.toMatchObject({
      statusCode: 400,
      param: 'customer',
    })
  })

  it('creates recurring prices with their product', async () => {
    expect(monthly).toMatchObject({
      object: 'price',
      currency: 'usd',
      unit_amount: 900,
      type: 'recurring',
      recurring: { interval: 'month', interval_count: 1 },
      metadata: { plan_id: '3' },
    })
    expect(monthly.product).toMatch(/^prod_/)
    expect((await stripe.prices.retrieve(monthly.id)).id).toBe(monthly.id)
  })
})

describe('subscriptions', () => {
  it('starts active on a working card, with a paid invoice expanded down to its PaymentIntent', async () => {
    const customer = await customerPaying('pm_card_visa')
    const subscription = await stripe.subscriptions.create(
      {
        customer: customer.id,
        items: [{ price: monthly.id }],
        default_payment_method: 'pm_card_visa',
        payment_behavior: 'allow_incomplete',
        metadata: { user_id: '7' },
        expand: ['latest_invoice.confirmation_secret', 'latest_invoice.payment_intent'],
      },
      { idempotencyKey: 'subscribe:7' },
    )
    const [item] = subscription.items.data
    expect(subscription).toMatchObject({
      object: 'subscription',
      status: 'active',
      customer: customer.id,
      cancel_at_period_end: false,
      canceled_at: null,
      metadata: { user_id: '7' },
    })
    expect(item).toMatchObject({
      object: 'subscription_item',
      quantity: 1,
      price: { id: monthly.id, unit_amount: 900, recurring: { interval: 'month' } },
    })
    expect(item.current_period_end - item.current_period_start).toBe(30 * DAY)
    expect(subscription).toMatchObject({ current_period_start: item.current_period_start, current_period_end: item.current_period_end })
    const invoice = subscription.latest_invoice as ExpandedInvoice
    expect(invoice).toMatchObject({ object: 'invoice', status: 'paid', amount_due: 900, amount_paid: 900, customer: customer.id })
    expect(invoice.payment_intent).toMatchObject({ object: 'payment_intent', status: 'succeeded', amount: 900 })
    expect(invoice.confirmation_secret).toEqual({ type: 'payment_intent', client_secret: invoice.payment_intent.client_secret })
    expect(eventTypes(subscription.id)).toEqual(['customer.subscription.created', 'invoice.paid'])
    const created = [...fake.store.events.values()].find(
      (event) => event.type === 'customer.subscription.created' && event.data.object.id === subscription.id,
    )
    expect(created?.request).toMatchObject({ idempotency_key: 'subscribe:7' })
    expect(created?.request.id).toMatch(/^req_/)
  })

  it('default_incomplete leaves the first invoice open until the customer pays it', async () => {
    const customer = await customerPaying()
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: monthly.id }],
      payment_behavior: 'default_incomplete',
      expand: ['latest_invoice.payment_intent'],
    })
    const invoice = subscription.latest_invoice as ExpandedInvoice
    expect(subscription.status).toBe('incomplete')
    expect(invoice.status).toBe('open')
    expect(invoice.payment_intent).toMatchObject({
      status: 'requires_payment_method',
      client_secret: expect.stringMatching(/^pi_\w+_secret_/),
    })
    const events = await fake.completePaymentIntent(invoice.payment_intent.id)
    expect(events.map((event) => event.type)).toEqual(['payment_intent.succeeded', 'invoice.paid', 'customer.subscription.updated'])
    expect(events[2].data.previous_attributes).toEqual({ status: 'incomplete' })
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('active')
    expect((await stripe.invoices.retrieve(invoice.id)).status).toBe('paid')
  })

  it('allow_incomplete on a 3-D Secure card is incomplete with the intent requiring action', async () => {
    const customer = await customerPaying('pm_card_threeDSecureRequired')
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: monthly.id }],
      expand: ['latest_invoice.payment_intent'],
    })
    expect(subscription.status).toBe('incomplete')
    expect((subscription.latest_invoice as ExpandedInvoice).payment_intent.status).toBe('requires_action')
    expect(eventTypes(subscription.id)).toEqual(['customer.subscription.created'])
  })

  it('refuses customers without a payment method, and error_if_incomplete on a declined card', async () => {
    const bare = await customerPaying()
    await expect(stripe.subscriptions.create({ customer: bare.id, items: [{ price: monthly.id }] })).rejects.toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
    })
    const declining = await customerPaying('pm_card_chargeDeclined')
    const before = fake.store.subscriptions.size
    await expect(
      stripe.subscriptions.create({ customer: declining.id, items: [{ price: monthly.id }], payment_behavior: 'error_if_incomplete' }),
    ).rejects.toMatchObject({ statusCode: 402, code: 'card_declined' })
    expect(fake.store.subscriptions.size).toBe(before)
    await expect(
      stripe.subscriptions.create({ customer: bare.id, items: [{ price: 'price_missing' }], payment_behavior: 'default_incomplete' }),
    ).rejects.toMatchObject({ statusCode: 400, param: 'items[0][price]' })
  })

  it('updates cancel_at_period_end and metadata, firing customer.subscription.updated with previous attributes', async () => {
    const customer = await customerPaying('pm_card_visa')
    const subscription = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: monthly.id }] })
    const cancelling = await stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true, metadata: { reason: 'moving' } })
    expect(cancelling).toMatchObject({
      status: 'active',
      cancel_at_period_end: true,
      cancel_at: subscription.items.data[0].current_period_end,
      metadata: { reason: 'moving' },
    })
    expect(cancelling.canceled_at).toEqual(expect.any(Number))
    const updated = [...fake.store.events.values()].filter(
      (event) => event.type === 'customer.subscription.updated' && event.data.object.id === subscription.id,
    )
    expect(updated.map((event) => event.data.previous_attributes)).toEqual([
      { cancel_at_period_end: false, cancel_at: null, canceled_at: null, metadata: {} },
    ])
    await stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true })
    expect(eventTypes(subscription.id).filter((type) => type === 'customer.subscription.updated')).toHaveLength(1)
    expect((await stripe.subscriptions.update(subscription.id, { cancel_at_period_end: false })).cancel_at).toBeNull()
  })

  it('cancels immediately and lists by customer and status', async () => {
    const customer = await customerPaying('pm_card_visa')
    const kept = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: monthly.id }] })
    const cancelled = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: monthly.id }] })
    const gone = await stripe.subscriptions.cancel(cancelled.id)
    expect(gone).toMatchObject({ status: 'canceled', canceled_at: expect.any(Number), ended_at: expect.any(Number) })
    expect(eventTypes(cancelled.id)).toContain('customer.subscription.deleted')
    expect((await stripe.subscriptions.list({ customer: customer.id })).data.map((sub) => sub.id)).toEqual([kept.id])
    expect((await stripe.subscriptions.list({ customer: customer.id, status: 'all' })).data.map((sub) => sub.id)).toEqual([
      cancelled.id,
      kept.id,
    ])
    await expect(stripe.subscriptions.cancel(cancelled.id)).rejects.toMatchObject({ statusCode: 400 })
  })
})

describe('invoices', () => {
  it("lists a customer's invoices newest first with links that resolve on the fake", async () => {
    const customer = await customerPaying('pm_card_visa')
    const first = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: monthly.id }] })
    const second = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: monthly.id, quantity: 2 }] })
    const page = await stripe.invoices.list({ customer: customer.id, limit: 10 })
    expect(page.data.map((invoice) => invoice.id)).toEqual([second.latest_invoice, first.latest_invoice])
    const [latest] = page.data
    expect(latest).toMatchObject({
      object: 'invoice',
      status: 'paid',
      amount_due: 1800,
      currency: 'usd',
      parent: { subscription_details: { subscription: second.id } },
      hosted_invoice_url: `${fake.url}/invoices/${latest.id}`,
      invoice_pdf: `${fake.url}/invoices/${latest.id}.pdf`,
    })
    expect(latest.lines.data[0]).toMatchObject({ amount: 1800, quantity: 2 })
    const bySubscription = await stripe.invoices.list({ subscription: first.id })
    expect(bySubscription.data.map((invoice) => invoice.id)).toEqual([first.latest_invoice])
  })
})
