import { isRecord } from './params.ts'
import { findById, type FakeStore } from './store.ts'

/**
 * Applies Stripe's `expand[]` to a response: each dotted path replaces an id found along it with the
 * stored object (`latest_invoice.payment_intent`, `data.customer` on lists). Works on a copy, so stored
 * objects never hold expanded children.
 */
export function expandResponse(value: unknown, paths: string[], store: FakeStore): unknown {
  let result = structuredClone(value)
  for (const path of paths) result = expandPath(result, path.split('.'), store)
  return result
}

function expandPath(value: unknown, path: string[], store: FakeStore): unknown {
  if (Array.isArray(value)) return value.map((item) => expandPath(item, path, store))
  const [field, ...rest] = path
  if (!isRecord(value) || field === undefined) return value
  let child = value[field] ?? hiddenField(value, field, store)
  if (typeof child === 'string') child = structuredClone(findById(store, child)) ?? child
  if (child !== undefined) value[field] = rest.length > 0 ? expandPath(child, rest, store) : child
  return value
}

/** Fields Stripe only includes when expanded. */
function hiddenField(owner: Record<string, unknown>, field: string, store: FakeStore): unknown {
  if (owner.object === 'checkout.session' && field === 'line_items' && typeof owner.id === 'string') {
    const data = store.sessionSettings.get(owner.id)?.lineItems ?? []
    return { object: 'list', data: structuredClone(data), has_more: false, url: `/v1/checkout/sessions/${owner.id}/line_items` }
  }
  if (owner.object === 'invoice' && field === 'confirmation_secret' && typeof owner.id === 'string') {
    const intentId = store.invoices.get(owner.id)?.payment_intent
    const intent = intentId ? store.paymentIntents.get(intentId) : undefined
    return intent ? { type: 'payment_intent', client_secret: intent.client_secret } : null
  }
  return undefined
}
