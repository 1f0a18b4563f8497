import { z } from 'zod'
import { reconcileStripe } from '../../../src/domain/stripeWebhooks/reconcileStripe.ts'
import { v1Router } from '../../../src/http/v1Router.ts'

export const adminRoutes = v1Router('/admin')

adminRoutes.post(
  '/payments/reconcile',
  {
    summary: 'Replay recent Stripe events through the webhook handler (staff); repairs missed webhooks',
    auth: 'staff',
    responses: { 200: z.object({ seen: z.number(), repaired: z.number() }) },
  },
  async ({ req }) => ({ body: await reconcileStripe(req.payload, new Date()) }),
)
