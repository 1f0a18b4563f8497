import { sqlRows } from '../helpers/db.ts'
import { makeUser } from '../helpers/factories.ts'
import { bookSession, futureSlot, humanlinkError, makeFriend } from '../helpers/humanlink.ts'
import { startPaymentsApp, type PaymentsApp } from '../helpers/paymentsApp.ts'
import { waitUntil } from '../helpers/wait.ts'

let env: PaymentsApp
beforeAll(async () => {
  env = await startPaymentsApp()
})
afterAll(() => env.stop())

const intentsCreated = () => env.stripe.requests.filter((request) => request.method === 'POST' && request.path === '/v1/payment_intents')

describe('paid friend sessions (Stripe PaymentIntent)', () => {
  it("charges the friend's rate for the duration, never the client's price", async () => {
    const [user, friend] = [await makeUser(env.app), await makeFriend(env.app, { rate: '20.00' })]
    const res = await bookSession(env.app, user, friend, futureSlot(), {
      duration_minutes: 45,
      price: '0.01',
      payment_method_id: 'pm_card_visa',
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      success: true,
      data: { price: '15.00', currency: 'USD', payment_status: 'paid', client_secret: null },
    })
    const charged = intentsCreated().at(-1)
    expect(charged).toMatchObject({ body: { amount: '1500', currency: 'usd', payment_method: 'pm_card_visa' } })
    expect(charged?.idempotencyKey).toBe(`friend-session:${Number(res.body.data.id)}`)
  })

  it('answers 402 with the price when no payment method is given, and books nothing', async () => {
    const [user, friend] = [await makeUser(env.app), await makeFriend(env.app, { rate: '29.99' })]
    const res = await bookSession(env.app, user, friend, futureSlot())
    expect(res.status).toBe(402)
    expect(res.body).toEqual({
      success: false,
      detail: { message: 'This session must be paid: send a payment_method_id.', price: '29.99', currency: 'USD' },
      message: expect.any(String),
    })
    expect(await sqlRows(env.app, 'SELECT id FROM friend_sessions WHERE friend_id = $1', [friend.user.id])).toEqual([])
  })

  it('answers 402 when the card is declined and frees the slot', async () => {
    const [user, other, friend] = [await makeUser(env.app), await makeUser(env.app), await makeFriend(env.app, { rate: '10' })]
    const start = futureSlot()
    const declined = await bookSession(env.app, user, friend, start, { payment_method_id: 'pm_card_chargeDeclined' })
    expect(declined.status).toBe(402)
    expect(declined.body).toMatchObject({ success: false, detail: { message: 'Your card was declined.', price: '10.00' } })
    const [row] = await sqlRows(env.app, 'SELECT status, payment_status FROM friend_sessions WHERE friend_id = $1', [friend.user.id])
    expect(row).toEqual({ status: 'cancelled', payment_status: 'failed' })
    expect((await bookSession(env.app, other, friend, start, { payment_method_id: 'pm_card_visa' })).status).toBe(201)
  })

  it('hands back the client secret for 3-D Secure, and payment_intent.succeeded marks the session paid', async () => {
    const [user, friend] = [await makeUser(env.app), await makeFriend(env.app, { rate: '10' })]
    const res = await bookSession(env.app, user, friend, futureSlot(), { payment_method_id: 'pm_card_threeDSecureRequired' })
    expect(res.status).toBe(201)
    expect(res.body.data).toMatchObject({ payment_status: 'requires_action', client_secret: expect.stringMatching(/_secret_/) })
    const id = Number(res.body.data.id)
    const [{ stripe_payment_intent_id: intent }] = await sqlRows<{ stripe_payment_intent_id: string }>(
      env.app,
      'SELECT stripe_payment_intent_id FROM friend_sessions WHERE id = $1',
      [id],
    )
    await env.stripe.completePaymentIntent(intent)
    await env.stripe.settle()
    const shown = await env.app.api.get(`/api/v1/sessions/${id}/`, { token: user.token })
    expect(shown.body.data).toMatchObject({ status: 'upcoming', payment_status: 'paid' })
  })

  it('refunds a paid session cancelled more than 24 h ahead (once), and keeps the charge of a late one', async () => {
    const [user, friend] = [await makeUser(env.app), await makeFriend(env.app, { rate: '10' })]
    const early = await bookSession(env.app, user, friend, futureSlot(3), { payment_method_id: 'pm_card_visa' })
    const id = Number(early.body.data.id)
    const [{ stripe_payment_intent_id: intent }] = await sqlRows<{ stripe_payment_intent_id: string }>(
      env.app,
      'SELECT stripe_payment_intent_id FROM friend_sessions WHERE id = $1',
      [id],
    )
    expect((await env.app.api.delete(`/api/v1/sessions/${id}/`, { token: user.token })).body.data).toMatchObject({
      late_cancellation: false,
    })
    const refunds = () => env.stripe.requests.filter((request) => request.path === '/v1/refunds' && request.body.payment_intent === intent)
    expect(await waitUntil(() => refunds().length === 1)).toBe(true)
    expect(refunds()[0].idempotencyKey).toBe(`friend-session-refund:${id}`)

    const soon = new Date(Date.now() + 3_600_000 * 3)
    soon.setUTCSeconds(0, 0)
    const late = await bookSession(env.app, user, friend, soon, { payment_method_id: 'pm_card_visa' })
    const lateCancel = await env.app.api.delete(`/api/v1/sessions/${Number(late.body.data.id)}/`, { token: user.token })
    expect(lateCancel.body.data).toMatchObject({ late_cancellation: true, payment_status: 'paid' })
    const [{ n }] = await sqlRows<{ n: number }>(env.app, `SELECT count(*)::int AS n FROM outbox WHERE topic = 'sessions.refund'`)
    expect(n).toBe(1)
  })

  it('refuses to change the duration of a paid session (400)', async () => {
    const [user, friend] = [await makeUser(env.app), await makeFriend(env.app, { rate: '10' })]
    const booked = await bookSession(env.app, user, friend, futureSlot(), { payment_method_id: 'pm_card_visa' })
    const res = await env.app.api.patch(
      `/api/v1/sessions/${Number(booked.body.data.id)}/`,
      { duration_minutes: 120 },
      { token: user.token },
    )
    expect(res.status).toBe(400)
    expect(res.body).toEqual(
      humanlinkError({ duration_minutes: ['The duration of a paid session cannot change; cancel it and book again.'] }),
    )
  })
})
