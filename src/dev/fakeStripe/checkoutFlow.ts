import { startSubscription } from './billing.ts'
import { createCustomer } from './customers.ts'
import type { EventBus } from './events.ts'
import { newId } from './ids.ts'
import { createPaymentIntent, declinePaymentIntent, paymentMethodFor, succeedPaymentIntent } from './payments.ts'
import type { FakeStore } from './store.ts'
import type { CheckoutSession, PaymentIntent, PaymentMethod, StripeEventLike } from './types.ts'

export type FlowOptions = { deliver?: boolean; async?: boolean }

/** What a customer can do on the hosted Checkout page, as the fake simulates it (see FakeStripe). */
export type CheckoutFlows = {
  pay(sessionId: string, options?: FlowOptions): Promise<StripeEventLike[]>
  fail(sessionId: string, options?: FlowOptions): Promise<StripeEventLike[]>
  expire(sessionId: string, options?: Omit<FlowOptions, 'async'>): Promise<StripeEventLike[]>
}

export function createCheckoutFlows(store: FakeStore, bus: EventBus, baseUrl: () => string): CheckoutFlows {
  const finish = async (events: StripeEventLike[], options: FlowOptions): Promise<StripeEventLike[]> => {
    if (options.deliver !== false) await bus.enqueue(events)
    return events
  }

  return {
    async pay(sessionId, options = {}) {
      const session = openSession(store, sessionId)
      const method = paymentMethodFor(store, newId('pm'), 'payment_method', methodType(session, options.async === true))
      const events = session.mode === 'payment' ? payOnce(session, method, options) : subscribe(session, method, options)
      if (options.async) {
        session.payment_status = 'paid'
        if (session.payment_intent) succeedPaymentIntent(store, findIntent(session.payment_intent))
        events.push(bus.record('checkout.session.async_payment_succeeded', session))
      }
      return finish(events, options)
    },

    async fail(sessionId, options = {}) {
      const session = openSession(store, sessionId)
      const method = paymentMethodFor(store, newId('pm'), 'payment_method', methodType(session, options.async === true))
      if (method.card) method.card.last4 = '0002' // Stripe's "generic decline" test card
      const intent = intentFor(session, method)
      declinePaymentIntent(intent)
      if (!options.async) return finish([bus.record('payment_intent.payment_failed', intent)], options)
      complete(session, 'unpaid')
      const events = [bus.record('checkout.session.completed', session), bus.record('checkout.session.async_payment_failed', session)]
      return finish(events, options)
    },

    async expire(sessionId, options = {}) {
      const session = openSession(store, sessionId)
      expireSession(session)
      return finish([bus.record('checkout.session.expired', session)], options)
    },
  }

  function payOnce(session: CheckoutSession, method: PaymentMethod, options: FlowOptions): StripeEventLike[] {
    const intent = intentFor(session, method)
    if (options.async) intent.status = 'processing'
    else succeedPaymentIntent(store, intent)
    complete(session, options.async ? 'unpaid' : 'paid')
    return [bus.record('checkout.session.completed', session)]
  }

  // Simplification: the subscription starts paid even when the session pays asynchronously.
  function subscribe(session: CheckoutSession, method: PaymentMethod, options: FlowOptions): StripeEventLike[] {
    const settings = store.sessionSettings.get(session.id)
    const line = settings?.lineItems.find((item) => item.price.recurring !== null)
    if (!settings || !line) throw new Error(`fake Stripe: checkout session ${session.id} has no recurring line item`)
    const customer =
      (session.customer ? store.customers.get(session.customer) : undefined) ?? createCustomer(store, { email: session.customer_email })
    method.customer = customer.id
    const { subscription, invoice } = startSubscription(store, baseUrl(), {
      customer,
      price: line.price,
      quantity: line.quantity,
      metadata: { ...settings.subscriptionMetadata },
      paymentMethod: method.id,
      deferPayment: false,
    })
    Object.assign(session, { customer: customer.id, subscription: subscription.id, invoice: invoice.id })
    complete(session, options.async ? 'unpaid' : 'paid')
    return [
      bus.record('checkout.session.completed', session),
      bus.record('customer.subscription.created', subscription),
      bus.record('invoice.paid', invoice),
    ]
  }

  /**
   * The session's PaymentIntent, carrying the session's metadata so payment events can be traced back to it.
   * A retry after a decline reuses the declined intent, as Checkout does.
   */
  function intentFor(session: CheckoutSession, method: PaymentMethod): PaymentIntent {
    const earlier = session.payment_intent ? store.paymentIntents.get(session.payment_intent) : undefined
    if (earlier?.status === 'requires_payment_method') {
      earlier.payment_method = method.id
      return earlier
    }
    const settings = store.sessionSettings.get(session.id)
    const intent = createPaymentIntent(store, {
      amount: session.amount_total,
      currency: session.currency,
      customer: session.customer,
      metadata: { ...session.metadata, ...settings?.paymentIntentMetadata },
      paymentMethod: method.id,
      paymentMethodTypes: session.payment_method_types,
    })
    session.payment_intent = intent.id
    return intent
  }

  function findIntent(id: string): PaymentIntent {
    const intent = store.paymentIntents.get(id)
    if (!intent) throw new Error(`fake Stripe: no payment intent ${id}`)
    return intent
  }

  function complete(session: CheckoutSession, paymentStatus: CheckoutSession['payment_status']): void {
    const email =
      session.customer_email ?? (session.customer ? store.customers.get(session.customer)?.email : null) ?? 'customer@example.com'
    Object.assign(session, { status: 'complete', payment_status: paymentStatus, url: null, customer_details: { email, name: null } })
  }
}

/** Stripe clears the URL of a session that can no longer be paid. */
export function expireSession(session: CheckoutSession): void {
  Object.assign(session, { status: 'expired', url: null })
}

function openSession(store: FakeStore, id: string): CheckoutSession {
  const session = store.checkoutSessions.get(id)
  if (!session) throw new Error(`fake Stripe: no checkout session ${id}`)
  if (session.status !== 'open') throw new Error(`fake Stripe: checkout session ${id} is ${session.status}, not open`)
  return session
}

/** Asynchronous payments are the wallet kinds (Alipay, WeChat Pay); synchronous ones are cards when offered. */
function methodType(session: CheckoutSession, async: boolean): string {
  const types = session.payment_method_types
  if (async) return types.find((type) => type !== 'card') ?? types[0]
  return types.includes('card') ? 'card' : types[0]
}
