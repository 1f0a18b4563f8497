import { createCheckoutSession } from '../checkoutCreate.ts'
import { expireSession } from '../checkoutFlow.ts'
import { invalidRequest } from '../errors.ts'
import { listPage, whereParam } from '../list.ts'
import { route, type Route } from '../router.ts'
import { getOrThrow, newestFirst, type FakeStore } from '../store.ts'
import type { CheckoutSession } from '../types.ts'

function findSession(store: FakeStore, id: string): CheckoutSession {
  return getOrThrow(store.checkoutSessions, 'checkout.session', id)
}

export const checkoutSessionRoutes: Route[] = [
  route('POST', '/v1/checkout/sessions', createCheckoutSession),

  route('GET', '/v1/checkout/sessions', ({ params, store }) => {
    let sessions = newestFirst(store.checkoutSessions)
    for (const field of ['status', 'customer', 'payment_intent', 'subscription'] as const) sessions = whereParam(sessions, params, field)
    return listPage(sessions, params, '/v1/checkout/sessions')
  }),

  route('GET', '/v1/checkout/sessions/:id', ({ path, store }) => findSession(store, path[0])),

  route('GET', '/v1/checkout/sessions/:id/line_items', ({ params, path, store }) => {
    const session = findSession(store, path[0])
    return listPage(store.sessionSettings.get(session.id)?.lineItems ?? [], params, `/v1/checkout/sessions/${session.id}/line_items`)
  }),

  route('POST', '/v1/checkout/sessions/:id/expire', ({ path, store, emit }) => {
    const session = findSession(store, path[0])
    if (session.status !== 'open') {
      throw invalidRequest(
        `Only Checkout Sessions with a status of \`open\` can be expired. This Checkout Session has a status of \`${session.status}\`.`,
      )
    }
    expireSession(session)
    emit('checkout.session.expired', session)
    return session
  }),
]
