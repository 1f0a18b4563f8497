import { invalidRequest } from '../errors.ts'
import { newId, nowSeconds } from '../ids.ts'
import { listPage, whereParam } from '../list.ts'
import { formatAmount } from '../money.ts'
import { oneOf, optionalInteger, optionalMetadata, optionalString } from '../params.ts'
import { refundableCharge } from '../payments.ts'
import { route, type Route, type RouteContext } from '../router.ts'
import { getOrThrow, newestFirst } from '../store.ts'
import type { Refund } from '../types.ts'

const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const

/** POST /v1/refunds: refunds all (or `amount` of) what is left on the charge and fires `charge.refunded`. */
function create({ params, store, emit }: RouteContext): Refund {
  const charge = refundableCharge(store, optionalString(params, 'charge'), optionalString(params, 'payment_intent'))
  const remaining = charge.amount - charge.amount_refunded
  if (remaining === 0) throw invalidRequest(`Charge ${charge.id} has already been refunded.`, undefined, 'charge_already_refunded')
  const amount = optionalInteger(params, 'amount') ?? remaining
  if (amount < 1) throw invalidRequest('This value must be greater than or equal to 1.', 'amount')
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency)})`,
      'amount',
    )
  }
  const refund: Refund = {
    id: newId('re'),
    object: 'refund',
    created: nowSeconds(),
    livemode: false,
    amount,
    currency: charge.currency,
    payment_intent: charge.payment_intent,
    charge: charge.id,
    status: 'succeeded',
    reason: oneOf(params, 'reason', REASONS) ?? null,
    metadata: optionalMetadata(params) ?? {},
  }
  store.refunds.set(refund.id, refund)
  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded }
  charge.amount_refunded += amount
  charge.refunded = charge.amount_refunded === charge.amount
  emit('charge.refunded', charge, previous)
  return refund
}

export const refundRoutes: Route[] = [
  route('POST', '/v1/refunds', create),

  route('GET', '/v1/refunds', ({ params, store }) => {
    let refunds = newestFirst(store.refunds)
    for (const field of ['payment_intent', 'charge'] as const) refunds = whereParam(refunds, params, field)
    return listPage(refunds, params, '/v1/refunds')
  }),

  route('GET', '/v1/refunds/:id', ({ path, store }) => getOrThrow(store.refunds, 'refund', path[0])),

  route('GET', '/v1/charges/:id', ({ path, store }) => getOrThrow(store.charges, 'charge', path[0])),
]
