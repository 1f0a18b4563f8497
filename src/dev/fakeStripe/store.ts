import { noSuch } from './errors.ts'
import type {
  Charge,
  CheckoutSession,
  Customer,
  Invoice,
  LineItem,
  Metadata,
  PaymentIntent,
  PaymentMethod,
  Price,
  Product,
  Refund,
  StripeEventLike,
  Subscription,
} from './types.ts'

/** What a Checkout Session carries that Stripe does not show on the session object itself. */
export type SessionSettings = { lineItems: LineItem[]; subscriptionMetadata: Metadata; paymentIntentMetadata: Metadata }

/** Every object the fake has created, by id, in creation order (Map keeps insertion order). */
export type FakeStore = {
  checkoutSessions: Map<string, CheckoutSession>
  sessionSettings: Map<string, SessionSettings>
  paymentIntents: Map<string, PaymentIntent>
  charges: Map<string, Charge>
  customers: Map<string, Customer>
  paymentMethods: Map<string, PaymentMethod>
  products: Map<string, Product>
  prices: Map<string, Price>
  subscriptions: Map<string, Subscription>
  invoices: Map<string, Invoice>
  refunds: Map<string, Refund>
  events: Map<string, StripeEventLike>
}

export function createStore(): FakeStore {
  return {
    checkoutSessions: new Map(),
    sessionSettings: new Map(),
    paymentIntents: new Map(),
    charges: new Map(),
    customers: new Map(),
    paymentMethods: new Map(),
    products: new Map(),
    prices: new Map(),
    subscriptions: new Map(),
    invoices: new Map(),
    refunds: new Map(),
    events: new Map(),
  }
}

/** Any stored API object by id (used to expand `expand[]` paths). */
export function findById(store: FakeStore, id: string): { id: string } | undefined {
  const maps = [
    store.checkoutSessions,
    store.paymentIntents,
    store.charges,
    store.customers,
    store.paymentMethods,
    store.products,
    store.prices,
    store.subscriptions,
    store.invoices,
    store.refunds,
    store.events,
  ]
  for (const map of maps) {
    const found = map.get(id)
    if (found) return found
  }
  return undefined
}

/** `map`'s object `id`, or Stripe's "No such <objectName>" error (404 for an id in the URL, 400 for one in parameter `param`). */
export function getOrThrow<T>(map: Map<string, T>, objectName: string, id: string, param = 'id'): T {
  const found = map.get(id)
  if (found === undefined) throw noSuch(objectName, id, param)
  return found
}

/** Stripe lists newest first; objects created within the same second keep their creation order. */
export function newestFirst<T>(map: Map<string, T>): T[] {
  return [...map.values()].reverse()
}
