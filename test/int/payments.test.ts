import { setTimeout as sleep } from 'node:timers/promises'
import { expireSeatHolds } from '../../src/jobs/expireSeatHolds.ts'
import * as db from '../helpers/db.ts'
import { makeEvent, makeStaff, makeUser, makeUsers, type TestUser } from '../helpers/factories.ts'
import { redirects, startPaymentsApp, type PaymentsApp } from '../helpers/paymentsApp.ts'
import { recipients } from '../helpers/smtpCapture.ts'
import { waitUntil } from '../helpers/wait.ts'

let env: PaymentsApp
beforeAll(async () => {
  env = await startPaymentsApp()
})
afterAll(() => env.stop())

const query = <T = Record<string, unknown>>(text: string, values?: unknown[]) => db.sqlRows<T>(env.app, text, values)
const paymentOf = async (id: number) =>
  (
    await query<{ status: string; stripe_payment_intent_id: string | null; failure_reason: string | null }>(
      'SELECT status, stripe_payment_intent_id, failure_reason FROM payments WHERE id = $1',
      [id],
    )
  )[0]
const registrationOfPayment = async (id: number) =>
  (
    await query<{ id: number; status: string; ticket_code: string | null; holds_seat: boolean; payment_status: string }>(
      'SELECT id, status, ticket_code, holds_seat, payment_status FROM registrations WHERE payment_id = $1',
      [id],
    )
  )[0]
const seatsTaken = (eventId: number) => db.seatsTaken(env.app, eventId)
const checkout = (eventId: number, buyer: TestUser, method = 'card') =>
  env.app.api.post(
    '/api/v1/payments/create-checkout-session',
    { event_id: eventId, payment_method: method, ...redirects },
    { token: buyer.token },
  )
const ticketEmails = (email: string, eventName: string) =>
  env.smtp.messages.filter((mail) => recipients(mail).includes(email) && mail.subject === `Your ticket for ${eventName}`)

describe('paid registration through Stripe Checkout (spec 000)', () => {
  it.each([
    ['card', {}],
    ['alipay', { async: true }],
    ['wechat_pay', {}],
  ])('works end to end with %s', async (method, flow) => {
    const event = await makeEvent(env.app, { price_cents: 2500, currency: 'USD', max_attendees: 5, name: `Paid ${method}` })
    const buyer = await makeUser(env.app)
    const res = await checkout(event.id, buyer, method)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      session_id: expect.stringMatching(/^cs_test_/),
      checkout_url: expect.stringContaining(`/checkout/${res.body.session_id}`),
      payment_id: expect.any(Number),
      expires_at: expect.any(String),
    })
    const session = env.stripe.store.checkoutSessions.get(String(res.body.session_id))
    expect(session).toMatchObject({
      mode: 'payment',
      amount_total: 2500,
      currency: 'usd',
      payment_method_types: [method],
      metadata: { event_id: String(event.id), user_id: String(buyer.user.id), payment_id: String(res.body.payment_id) },
    })
    expect(new Date(String(res.body.expires_at)).getTime() - Date.now()).toBeGreaterThanOrEqual(30 * 60_000)
    const paymentId = Number(res.body.payment_id)
    expect(await paymentOf(paymentId)).toMatchObject({ status: 'pending' })
    expect(await registrationOfPayment(paymentId)).toMatchObject({ status: 'pending_payment', holds_seat: true, ticket_code: null })
    expect(await seatsTaken(event.id)).toBe(1)

    await env.stripe.paySession(String(res.body.session_id), flow)
    expect(await paymentOf(paymentId)).toMatchObject({ status: 'succeeded', stripe_payment_intent_id: expect.stringMatching(/^pi_/) })
    const registration = await registrationOfPayment(paymentId)
    expect(registration).toMatchObject({ status: 'confirmed', payment_status: 'paid', ticket_code: expect.stringMatching(/^INNO-/) })
    await env.smtp.waitFor((mail) => recipients(mail).includes(buyer.email) && mail.subject === `Your ticket for Paid ${method}`)
    const status = await env.app.api.get(`/api/v1/payments/status/${paymentId}/`, { token: buyer.token })
    expect(status.body).toMatchObject({
      payment_id: paymentId,
      status: 'succeeded',
      amount_cents: 2500,
      amount: 25,
      currency: 'USD',
      payment_method: method,
      registration: { status: 'confirmed', ticket_code: registration.ticket_code },
    })
    expect(await seatsTaken(event.id)).toBe(1)
  })

  it('asks Stripe for WeChat Pay with its web client option', async () => {
    const event = await makeEvent(env.app, { price_cents: 800, currency: 'CNY' })
    const res = await checkout(event.id, await makeUser(env.app), 'wechat_pay')
    const create = env.stripe.requests.find(
      (request) =>
        request.path === '/v1/checkout/sessions' &&
        (request.body.metadata as Record<string, unknown> | undefined)?.payment_id === String(res.body.payment_id),
    )
    expect(create?.body).toMatchObject({
      allowed_payment_method_types: ['wechat_pay'],
      payment_method_options: { wechat_pay: { client: 'web' } },
    })
  })

  it('refuses a free event, an unknown method, foreign redirects, a full event and a second registration', async () => {
    const buyer = await makeUser(env.app)
    const free = await makeEvent(env.app)
    expect(await checkout(free.id, buyer)).toMatchObject({
      status: 400,
      body: { detail: `This event is free: register with POST /api/v1/events/${free.id}/register.` },
    })
    const paid = await makeEvent(env.app, { price_cents: 1000, max_attendees: 1 })
    expect((await checkout(paid.id, buyer, 'bitcoin')).body.errors).toEqual({ payment_method: ['Choose card, alipay or wechat_pay.'] })
    const foreign = await env.app.api.post(
      '/api/v1/payments/create-checkout-session',
      { event_id: paid.id, success_url: 'https://evil.example.net/ok', cancel_url: 'javascript:alert(1)' },
      { token: buyer.token },
    )
    expect(foreign.status).toBe(400)
    expect(Object.keys(foreign.body.errors).sort()).toEqual(['cancel_url', 'success_url'])
    expect((await checkout(paid.id, buyer)).status).toBe(200)
    const late = await makeUser(env.app)
    expect(await checkout(paid.id, late)).toMatchObject({ status: 409, body: { detail: expect.stringMatching(/^This event is full/) } })
    const other = await makeEvent(env.app, { price_cents: 1000 })
    await env.stripe.paySession(String((await checkout(other.id, late)).body.session_id))
    expect(await checkout(other.id, late)).toMatchObject({ status: 409, body: { detail: 'You are already registered for this event.' } })
  })

  it('returns the same session to a retried request', async () => {
    const event = await makeEvent(env.app, { price_cents: 1500 })
    const buyer = await makeUser(env.app)
    const first = await checkout(event.id, buyer)
    const retries = await Promise.all([checkout(event.id, buyer), checkout(event.id, buyer)])
    for (const retry of retries) expect(retry.body).toMatchObject({ session_id: first.body.session_id, payment_id: first.body.payment_id })
    expect(await seatsTaken(event.id)).toBe(1)
    const creates = env.stripe.requests.filter(
      (request) =>
        request.path === '/v1/checkout/sessions' &&
        request.method === 'POST' &&
        JSON.stringify(request.body).includes(`"payment_id":"${first.body.payment_id}"`),
    )
    expect(creates).toHaveLength(1)
    expect(creates[0].idempotencyKey).toBe(`checkout:${first.body.payment_id}`)
  })

  it('lets 60 users race for 50 paid seats: at most 50 holds', async () => {
    const event = await makeEvent(env.app, { price_cents: 1200, max_attendees: 50 })
    const buyers = await makeUsers(env.app, 60)
    const results = await Promise.all(buyers.map((buyer) => checkout(event.id, buyer)))
    expect(results.filter((res) => res.status === 200)).toHaveLength(50)
    expect(results.filter((res) => res.status === 409)).toHaveLength(10)
    expect(await seatsTaken(event.id)).toBe(50)
    expect(
      Number(
        (
          await query<{ n: string }>(`SELECT count(*) AS n FROM registrations WHERE event_id = $1 AND status = 'pending_payment'`, [
            event.id,
          ])
        )[0].n,
      ),
    ).toBe(50)
  }, 120_000)

  it('never lets a client write Stripe ids, amounts or statuses', async () => {
    const staff = await makeStaff(env.app)
    const buyer = await makeUser(env.app)
    const event = await makeEvent(env.app, { price_cents: 999 })
    const paymentId = Number((await checkout(event.id, buyer)).body.payment_id)
    expect(
      (await env.app.api.patch(`/api/payments/${paymentId}`, { status: 'succeeded', amount_cents: 1 }, { token: staff.token })).status,
    ).toBe(403)
    expect((await env.app.api.patch(`/api/payments/${paymentId}`, { status: 'succeeded' }, { token: buyer.token })).status).toBe(403)
    expect(
      (
        await env.app.api.post(
          '/api/payments',
          { user: buyer.user.id, amount_cents: 1, currency: 'USD', payment_method: 'card', status: 'succeeded' },
          { token: staff.token },
        )
      ).status,
    ).toBe(403)
    const graphql = await env.app.api.post(
      '/api/graphql',
      { query: `mutation { updatePayment(id: ${paymentId}, data: { status: succeeded }) { id } }` },
      { token: staff.token },
    )
    expect(graphql.body.errors[0].message).toMatch(/not allowed/i)
    expect(await paymentOf(paymentId)).toMatchObject({ status: 'pending' })
  })
})

describe('the webhook', () => {
  async function paidEvent() {
    const event = await makeEvent(env.app, { price_cents: 3000, name: `Dup ${Math.random()}` })
    const buyer = await makeUser(env.app)
    const res = await checkout(event.id, buyer)
    const [completed] = await env.stripe.paySession(String(res.body.session_id), { deliver: false })
    return { event, buyer, paymentId: Number(res.body.payment_id), completed }
  }

  it('applies the same checkout.session.completed once when delivered 10 times in sequence', async () => {
    const { event, buyer, paymentId, completed } = await paidEvent()
    for (let i = 0; i < 10; i++) expect((await env.stripe.deliver(completed)).status).toBe(200)
    await expectAppliedOnce(event, buyer, paymentId, completed.id)
  })

  it('applies the same checkout.session.completed once when delivered 10 times in parallel', async () => {
    const { event, buyer, paymentId, completed } = await paidEvent()
    const answers = await Promise.all(Array.from({ length: 10 }, () => env.stripe.deliver(completed)))
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200))
    expect(answers.filter((answer) => JSON.parse(answer.body).duplicate === false)).toHaveLength(1)
    await expectAppliedOnce(event, buyer, paymentId, completed.id)
  })

  async function expectAppliedOnce(event: { id: number; name: string }, buyer: TestUser, paymentId: number, eventId: string) {
    expect(await paymentOf(paymentId)).toMatchObject({ status: 'succeeded' })
    expect(await query('SELECT id FROM registrations WHERE payment_id = $1 AND ticket_code IS NOT NULL', [paymentId])).toHaveLength(1)
    expect(await query('SELECT id FROM stripe_events WHERE event_id = $1', [eventId])).toHaveLength(1)
    await env.smtp.waitFor((mail) => recipients(mail).includes(buyer.email) && mail.subject === `Your ticket for ${event.name}`)
    await sleep(1500) // time for a duplicate email to arrive, if one were sent
    expect(ticketEmails(buyer.email, event.name)).toHaveLength(1)
    expect(await seatsTaken(event.id)).toBe(1)
  }

  it('answers 400 and writes nothing for a tampered body, a wrong secret or a 10-minute-old signature', async () => {
    const { paymentId, completed } = await paidEvent()
    const body = JSON.stringify(completed)
    const eventsBefore = (await query('SELECT id FROM stripe_events')).length
    const tampered = body.replace('"paid"', '"PAID"')
    const attempts = [
      await env.stripe.deliver(tampered, { signature: env.stripe.sign(body) }),
      await env.stripe.deliver(body, { signature: env.stripe.sign(body, { secret: 'whsec_someone_else' }) }),
      await env.stripe.deliver(body, { signature: env.stripe.sign(body, { timestamp: Math.floor(Date.now() / 1000) - 600 }) }),
      await env.stripe.deliver(body, { signature: 't=1,v1=deadbeef' }),
    ]
    for (const attempt of attempts) {
      expect(attempt.status).toBe(400)
      expect(JSON.parse(attempt.body)).toEqual({ detail: 'Invalid Stripe signature.' })
    }
    const unsigned = await fetch(`${env.app.url}/api/v1/billing/webhook/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
    expect(unsigned.status).toBe(400)
    expect((await query('SELECT id FROM stripe_events')).length).toBe(eventsBefore)
    expect(await paymentOf(paymentId)).toMatchObject({ status: 'pending' })
  })

  it('never downgrades: payment_intent.payment_failed after success leaves it succeeded', async () => {
    const { paymentId, completed } = await paidEvent()
    await env.stripe.deliver(completed)
    const payment = await paymentOf(paymentId)
    await env.stripe.emit('payment_intent.payment_failed', {
      id: payment.stripe_payment_intent_id,
      object: 'payment_intent',
      status: 'requires_payment_method',
      metadata: { payment_id: String(paymentId) },
      last_payment_error: { message: 'Your card was declined.' },
    })
    expect(await paymentOf(paymentId)).toMatchObject({ status: 'succeeded' })
    expect(await registrationOfPayment(paymentId)).toMatchObject({ status: 'confirmed' })
  })

  it('releases the seat when the payment fails, and again accepts a later success', async () => {
    const event = await makeEvent(env.app, { price_cents: 4000, max_attendees: 1 })
    const buyer = await makeUser(env.app)
    const res = await checkout(event.id, buyer)
    await env.stripe.failSession(String(res.body.session_id))
    expect(await paymentOf(Number(res.body.payment_id))).toMatchObject({ status: 'failed', failure_reason: 'Your card was declined.' })
    expect(await registrationOfPayment(Number(res.body.payment_id))).toMatchObject({ status: 'cancelled', holds_seat: false })
    expect(await seatsTaken(event.id)).toBe(0)
    await env.stripe.paySession(String(res.body.session_id))
    expect(await registrationOfPayment(Number(res.body.payment_id))).toMatchObject({ status: 'confirmed', holds_seat: true })
    expect(await seatsTaken(event.id)).toBe(1)
  })

  it('answers 200 to event types it does not handle, and records them', async () => {
    const unknown = await env.stripe.emit('customer.tax_id.created', { id: 'txi_1', object: 'tax_id' })
    expect(env.stripe.deliveries.find((delivery) => delivery.event === unknown.id)?.status).toBe(200)
    expect(await query('SELECT type FROM stripe_events WHERE event_id = $1', [unknown.id])).toEqual([{ type: 'customer.tax_id.created' }])
  })

  it('cancels the ticket and frees the seat on a full refund (charge.refunded)', async () => {
    const { event, paymentId, completed } = await paidEvent()
    await env.stripe.deliver(completed)
    const payment = await paymentOf(paymentId)
    await env.app.api.get('/health')
    const { default: Stripe } = await import('stripe')
    const client = new Stripe('sk_test_platform', { host: env.stripe.host, port: env.stripe.port, protocol: 'http' })
    await client.refunds.create({ payment_intent: String(payment.stripe_payment_intent_id) })
    await env.stripe.settle()
    expect(await paymentOf(paymentId)).toMatchObject({ status: 'refunded' })
    expect(await registrationOfPayment(paymentId)).toMatchObject({ status: 'cancelled', payment_status: 'refunded', holds_seat: false })
    expect(await seatsTaken(event.id)).toBe(0)
  })
})

describe('holds that run out', () => {
  it("are released by the job even without Stripe's expired event, and the waitlist moves", async () => {
    const event = await makeEvent(env.app, { price_cents: 2000, max_attendees: 1, name: 'One seat left' })
    const [buyer, waiting] = await makeUsers(env.app, 2)
    const res = await checkout(event.id, buyer)
    expect((await env.app.api.post(`/api/v1/events/${event.id}/waitlist`, {}, { token: waiting.token })).status).toBe(201)
    await expireSeatHolds(env.app.payload, new Date(Date.now() + 10 * 60_000))
    expect(await paymentOf(Number(res.body.payment_id))).toMatchObject({ status: 'pending' })
    // Holds of earlier tests in this database may run out too: only this payment is asserted on.
    expect(await expireSeatHolds(env.app.payload, new Date(Date.now() + 32 * 60_000))).toBeGreaterThanOrEqual(1)
    expect(await paymentOf(Number(res.body.payment_id))).toMatchObject({ status: 'expired' })
    expect(await registrationOfPayment(Number(res.body.payment_id))).toMatchObject({ status: 'cancelled', holds_seat: false })
    await env.smtp.waitFor((mail) => recipients(mail).includes(waiting.email) && mail.subject === 'A seat opened up: One seat left')
    expect(await seatsTaken(event.id)).toBe(1) // now held for the waitlisted member
    // The session is closed at Stripe too (after commit, through the outbox).
    await waitUntil(() => env.stripe.store.checkoutSessions.get(String(res.body.session_id))?.status === 'expired')
    expect(env.stripe.store.checkoutSessions.get(String(res.body.session_id))?.status).toBe('expired')
  })

  it('refunds a payment that completes after its hold ended when no seat is left, and tells the buyer', async () => {
    const event = await makeEvent(env.app, { price_cents: 2200, max_attendees: 1 })
    const [late, winner] = await makeUsers(env.app, 2)
    const res = await checkout(event.id, late)
    // The buyer pays at Stripe, but the webhook is delayed past the end of the hold.
    const [completed] = await env.stripe.paySession(String(res.body.session_id), { deliver: false })
    await expireSeatHolds(env.app.payload, new Date(Date.now() + 32 * 60_000))
    const winning = await checkout(event.id, winner)
    await env.stripe.paySession(String(winning.body.session_id))
    expect((await env.stripe.deliver(completed)).status).toBe(200)
    const intent = String((await paymentOf(Number(res.body.payment_id))).stripe_payment_intent_id)
    const refundsOf = () => [...env.stripe.store.refunds.values()].filter((refund) => refund.payment_intent === intent)
    await waitUntil(() => refundsOf().length > 0)
    expect(refundsOf()).toHaveLength(1)
    await env.stripe.settle()
    expect(await paymentOf(Number(res.body.payment_id))).toMatchObject({ status: 'refunded' })
    await env.smtp.waitFor((mail) => recipients(mail).includes(late.email) && mail.subject === 'Your payment has been refunded')
    expect(await registrationOfPayment(Number(res.body.payment_id))).toMatchObject({ status: 'cancelled' })
    expect(await seatsTaken(event.id)).toBe(1)
  })

  it('gives the seat back to a late payment when one is still free', async () => {
    const event = await makeEvent(env.app, { price_cents: 2200, max_attendees: 3 })
    const buyer = await makeUser(env.app)
    const res = await checkout(event.id, buyer)
    const [completed] = await env.stripe.paySession(String(res.body.session_id), { deliver: false })
    await expireSeatHolds(env.app.payload, new Date(Date.now() + 32 * 60_000))
    expect(await seatsTaken(event.id)).toBe(0)
    expect((await env.stripe.deliver(completed)).status).toBe(200)
    expect(await registrationOfPayment(Number(res.body.payment_id))).toMatchObject({
      status: 'confirmed',
      holds_seat: true,
      ticket_code: expect.stringMatching(/^INNO-/),
    })
    expect(await seatsTaken(event.id)).toBe(1)
  })
})

describe('reconciliation', () => {
  it('repairs a payment whose webhook was missed, through the same idempotent handler', async () => {
    const event = await makeEvent(env.app, { price_cents: 1800 })
    const buyer = await makeUser(env.app)
    const res = await checkout(event.id, buyer)
    await env.stripe.paySession(String(res.body.session_id), { deliver: false })
    expect(await paymentOf(Number(res.body.payment_id))).toMatchObject({ status: 'pending' })
    const staff = await makeStaff(env.app)
    const member = await makeUser(env.app)
    expect((await env.app.api.post('/api/v1/admin/payments/reconcile', {}, { token: member.token })).status).toBe(403)
    const first = await env.app.api.post('/api/v1/admin/payments/reconcile/', {}, { token: staff.token })
    expect(first.status).toBe(200)
    expect(Number(first.body.repaired)).toBeGreaterThanOrEqual(1)
    expect(await paymentOf(Number(res.body.payment_id))).toMatchObject({ status: 'succeeded' })
    expect(await registrationOfPayment(Number(res.body.payment_id))).toMatchObject({ status: 'confirmed' })
    const again = await env.app.api.post('/api/v1/admin/payments/reconcile', {}, { token: staff.token })
    expect(again.body).toMatchObject({ repaired: 0 })
  })
})

describe('spec 001 bookings with a payment method (PaymentIntent)', () => {
  it('issues the ticket at once when the card pays', async () => {
    const event = await makeEvent(env.app, { price_cents: 500 })
    const buyer = await makeUser(env.app)
    const res = await env.app.api.post(
      '/api/v1/events/book',
      { event_id: event.id, payment_method_id: 'pm_card_visa' },
      { token: buyer.token },
    )
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      success: true,
      message: 'Event booked successfully',
      data: {
        booking: { status: 'confirmed' },
        payment: { status: 'succeeded', requires_action: false },
        ticket_code: expect.stringMatching(/^INNO-/),
      },
    })
  })

  it('hands back the client secret for 3-D Secure and confirms on payment_intent.succeeded', async () => {
    const event = await makeEvent(env.app, { price_cents: 500 })
    const buyer = await makeUser(env.app)
    const res = await env.app.api.post(
      '/api/v1/events/book/',
      { event_id: event.id, payment_method_id: 'pm_card_threeDSecureRequired' },
      { token: buyer.token },
    )
    expect(res.body).toMatchObject({
      data: {
        booking: { status: 'pending_payment' },
        payment: { status: 'requires_action', requires_action: true, client_secret: expect.stringMatching(/_secret_/) },
      },
    })
    const paymentId = Number(res.body.data.payment.id)
    const intent = (await paymentOf(paymentId)).stripe_payment_intent_id
    await env.stripe.completePaymentIntent(String(intent))
    expect(await registrationOfPayment(paymentId)).toMatchObject({ status: 'confirmed', ticket_code: expect.stringMatching(/^INNO-/) })
  })

  it('answers 402 and releases the seat when the card is declined', async () => {
    const event = await makeEvent(env.app, { price_cents: 500, max_attendees: 1 })
    const buyer = await makeUser(env.app)
    const res = await env.app.api.post(
      '/api/v1/events/book',
      { event_id: event.id, payment_method_id: 'pm_card_chargeDeclined' },
      { token: buyer.token },
    )
    expect(res.status).toBe(402)
    expect(res.body).toMatchObject({ success: false, detail: { message: 'Your card was declined.', event_id: event.id } })
    expect(await seatsTaken(event.id)).toBe(0)
  })

  it('answers 402 with the price when no payment method is given', async () => {
    const event = await makeEvent(env.app, { price_cents: 700, currency: 'EUR' })
    const res = await env.app.api.post('/api/v1/events/book', { event_id: event.id }, { token: (await makeUser(env.app)).token })
    expect(res).toMatchObject({ status: 402, body: { detail: { message: 'Payment required', price_cents: 700, currency: 'EUR' } } })
  })
})

describe('paid checkouts feed the CRM (issue 12)', () => {
  it('writes a CRM outbox row with the held booking and with its payment, ending in one received CRM booking', async () => {
    const event = await makeEvent(env.app, { price_cents: 1500, currency: 'USD', max_attendees: 5 })
    const buyer = await makeUser(env.app)
    const res = await checkout(event.id, buyer)
    expect(res.status).toBe(200)
    const registration = await registrationOfPayment(Number(res.body.payment_id))
    await env.stripe.paySession(String(res.body.session_id))
    const messages = await query(`SELECT 1 FROM outbox WHERE topic = 'crm.booking' AND (data->>'registration_id')::int = $1`, [
      registration.id,
    ])
    expect(messages).toHaveLength(2) // the seat held for payment, then the payment
    const rows = await waitUntil(async () => {
      const found = await query<{ status: string; crm_status: string; user_email: string }>(
        'SELECT status, crm_status, user_email FROM crm_bookings WHERE registration_id = $1',
        [registration.id],
      )
      return found.length === 1 &&
        (
          await query(`SELECT 1 FROM outbox WHERE topic = 'crm.booking' AND status <> 'done' AND (data->>'registration_id')::int = $1`, [
            registration.id,
          ])
        ).length === 0
        ? found
        : undefined
    })
    expect(rows).toEqual([{ status: 'received', crm_status: 'new', user_email: buyer.email }])
  })
})
