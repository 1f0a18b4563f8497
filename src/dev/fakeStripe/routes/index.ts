import type { Route } from '../router.ts'
import { checkoutSessionRoutes } from './checkoutSessions.ts'
import { customerRoutes } from './customers.ts'
import { eventRoutes } from './events.ts'
import { invoiceRoutes } from './invoices.ts'
import { paymentIntentRoutes } from './paymentIntents.ts'
import { priceRoutes } from './prices.ts'
import { refundRoutes } from './refunds.ts'
import { subscriptionRoutes } from './subscriptions.ts'

/** Every /v1 endpoint the fake implements. */
export const apiRoutes: Route[] = [
  ...checkoutSessionRoutes,
  ...paymentIntentRoutes,
  ...customerRoutes,
  ...priceRoutes,
  ...subscriptionRoutes,
  ...invoiceRoutes,
  ...refundRoutes,
  ...eventRoutes,
]
