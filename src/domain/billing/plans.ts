import type { PayloadRequest } from 'payload'
import type { Plan } from '../../payload-types.ts'
import { config } from '../../lib/config.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { stripe } from '../../integrations/stripe/client.ts'

/** An active plan by code (what clients send as plan_id), or DEFAULT_PLAN_CODE when none is given. */
export async function planByCode(req: PayloadRequest, code: string | undefined): Promise<Plan> {
  const { docs } = await req.payload.find({
    collection: 'plans',
    where: { and: [{ code: { equals: code ?? config.DEFAULT_PLAN_CODE } }, { is_active: { equals: true } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (!docs[0]) throw new NotFoundError(`Unknown plan "${code ?? config.DEFAULT_PLAN_CODE}".`)
  return docs[0]
}

/**
 * The Stripe Price that bills a plan: the configured one, or one created from the plan's amount on first
 * use (idempotency key per plan and amount, so concurrent first uses create one price) and remembered.
 */
export async function stripePriceOf(req: PayloadRequest, plan: Plan): Promise<string> {
  if (plan.stripe_price_id) return plan.stripe_price_id
  const price = await stripe().prices.create(
    {
      currency: plan.currency.toLowerCase(),
      unit_amount: plan.price_cents,
      recurring: { interval: plan.interval },
      product_data: { name: plan.name },
      metadata: { plan_id: String(plan.id) },
    },
    { idempotencyKey: `price:${plan.id}:${plan.price_cents}:${plan.currency}:${plan.interval}` },
  )
  // overrideAccess: the price id is bookkeeping of this integration, not a staff edit.
  await req.payload.update({ collection: 'plans', id: plan.id, data: { stripe_price_id: price.id }, overrideAccess: true, req, depth: 0 })
  return price.id
}
