import { stripe } from '../../integrations/stripe/client.ts'
import { expireCheckoutSessionIfOpen } from '../../integrations/stripe/expireCheckoutSession.ts'

/**
 * Expires the customer's still-open subscription Checkout Sessions, so an abandoned tab cannot be paid
 * later and start a second subscription next to the one being created now.
 */
export async function closeOpenSubscriptionCheckouts(customer: string): Promise<void> {
  const open = await stripe().checkout.sessions.list({ customer, status: 'open', limit: 100 })
  for (const session of open.data.filter((candidate) => candidate.mode === 'subscription')) await expireCheckoutSessionIfOpen(session.id)
}
