import type Stripe from 'stripe'
import { sdkFor, startFakeStripe, type FakeStripe } from '../../../helpers/fakeStripe.ts'

let fake: FakeStripe
let stripe: Stripe

beforeAll(async () => {
  fake = await startFakeStripe({ webhookSecret: 'whsec_pages_test' })
  stripe = sdkFor(fake)
})

afterAll(() => fake.close())

const session = () =>
  stripe.checkout.sessions.create({
    mode: 'payment',
    allowed_payment_method_types: ['card', 'alipay'],
    line_items: [{ quantity: 2, price_data: { currency: 'usd', unit_amount: 2500, product_data: { name: 'Workshop <Advanced>' } } }],
    success_url: 'http://app.test/paid?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://app.test/cancelled',
  })

/** What a browser does with the page's forms: a plain POST, redirects not followed. */
const submit = (url: string) =>
  fetch(url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' })

describe('hosted checkout page', () => {
  it('shows the amount, item, methods and Pay / Fail forms, escaping what the merchant sent', async () => {
    const { id, url } = await session()
    const page = await fetch(String(url))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await page.text()
    expect(html).toContain('$50.00')
    expect(html).toContain('Workshop &lt;Advanced&gt;')
    expect(html).not.toContain('<Advanced>')
    expect(html).toContain('card, alipay')
    expect(html).toContain(`<form method="post" action="/checkout/${id}/pay">`)
    expect(html).toContain(`<form method="post" action="/checkout/${id}/fail">`)
    expect(html).not.toMatch(/<(script|link|img)\b/)
  })

  it('Pay completes the session and redirects to the success URL with the session id filled in', async () => {
    const { id } = await session()
    const response = await submit(`${fake.url}/checkout/${id}/pay`)
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`http://app.test/paid?session_id=${id}`)
    expect(await stripe.checkout.sessions.retrieve(id)).toMatchObject({ status: 'complete', payment_status: 'paid' })
    const after = await (await fetch(`${fake.url}/checkout/${id}`)).text()
    expect(after).toContain('complete')
    expect(after).not.toContain('/pay"')
    expect((await submit(`${fake.url}/checkout/${id}/pay`)).status).toBe(409)
  })

  it('Fail records a declined payment and redirects to the cancel URL; the session stays open', async () => {
    const { id } = await session()
    const response = await submit(`${fake.url}/checkout/${id}/fail`)
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('http://app.test/cancelled')
    expect((await stripe.checkout.sessions.retrieve(id)).status).toBe('open')
    const failed = [...fake.store.events.values()].filter((event) => event.type === 'payment_intent.payment_failed')
    expect(failed).toHaveLength(1)
  })

  it('shows expired sessions without buttons and unknown ones as 404', async () => {
    const { id } = await session()
    await fake.expireSession(id)
    const html = await (await fetch(`${fake.url}/checkout/${id}`)).text()
    expect(html).toContain('expired')
    expect(html).not.toContain('<button')
    expect((await fetch(`${fake.url}/checkout/cs_test_missing`)).status).toBe(404)
  })
})

describe('invoice links', () => {
  it('serve a hosted invoice page and a PDF', async () => {
    const customer = await stripe.customers.create({
      email: 'pdf@example.com',
      invoice_settings: { default_payment_method: 'pm_card_visa' },
    })
    const price = await stripe.prices.create({
      currency: 'eur',
      unit_amount: 1500,
      recurring: { interval: 'year' },
      product_data: { name: 'Annual' },
    })
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      expand: ['latest_invoice'],
    })
    const invoice = subscription.latest_invoice as Stripe.Invoice
    const page = await fetch(String(invoice.hosted_invoice_url))
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('€15.00')
    const pdf = await fetch(String(invoice.invoice_pdf))
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    const bytes = Buffer.from(await pdf.arrayBuffer()).toString('latin1')
    expect(bytes.startsWith('%PDF-1.4')).toBe(true)
    expect(bytes.trimEnd().endsWith('%%EOF')).toBe(true)
    expect((await fetch(`${fake.url}/invoices/in_missing`)).status).toBe(404)
  })
})
