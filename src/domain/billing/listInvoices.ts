import type { PayloadRequest } from 'payload'
import { stripe } from '../../integrations/stripe/client.ts'
import { storedCustomerId } from './customers.ts'

/** The user's invoices, newest first, read from Stripe (spec 003). None before the first subscription. */
export async function listInvoices(req: PayloadRequest, userId: number, limit: number) {
  const customer = await storedCustomerId(req, userId)
  if (!customer) return []
  const invoices = await stripe().invoices.list({ customer, limit })
  return invoices.data.map((invoice) => ({
    id: invoice.id ?? '',
    amount_due: invoice.amount_due,
    amount_paid: invoice.amount_paid,
    currency: invoice.currency,
    status: invoice.status,
    created: new Date(invoice.created * 1000).toISOString(),
    invoice_pdf: invoice.invoice_pdf ?? null,
    hosted_invoice_url: invoice.hosted_invoice_url ?? null,
  }))
}
