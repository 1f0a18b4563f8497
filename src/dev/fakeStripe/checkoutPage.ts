import type { CheckoutFlows } from './checkoutFlow.ts'
import { escapeHtml, htmlPage } from './html.ts'
import { formatAmount } from './money.ts'
import type { FakeStore } from './store.ts'
import type { CheckoutSession } from './types.ts'

export type PageResponse = { status: number; headers: Record<string, string>; body: string | Buffer }

const html = (status: number, body: string): PageResponse => ({ status, headers: { 'content-type': 'text/html; charset=utf-8' }, body })
const redirect = (location: string): PageResponse => ({ status: 303, headers: { location }, body: '' })

/**
 * The hosted Checkout page a session's `url` points at: shows what is being bought and lets the developer
 * pay or fail it, then returns to the merchant's success or cancel URL like Stripe does.
 */
export async function checkoutPage(
  method: string,
  pathname: string,
  store: FakeStore,
  flows: CheckoutFlows,
): Promise<PageResponse | undefined> {
  const match = /^\/checkout\/([^/]+)(?:\/(pay|fail))?$/.exec(pathname)
  if (!match) return undefined
  const [, id, action] = match
  const session = store.checkoutSessions.get(id)
  if (!session)
    return html(404, htmlPage('Not found', '<h1>Something went wrong</h1><p class="notice">This checkout session does not exist.</p>'))
  if (method === 'GET' && !action) return html(200, renderSession(session, store))
  if (method !== 'POST' || !action) return html(405, htmlPage('Not allowed', '<p class="notice">Use the buttons on the checkout page.</p>'))
  if (session.status !== 'open') return html(409, renderSession(session, store))
  if (action === 'pay') {
    await flows.pay(id)
    return redirect(returnUrl(session.success_url, session) ?? `/checkout/${id}`)
  }
  await flows.fail(id)
  return redirect(returnUrl(session.cancel_url, session) ?? `/checkout/${id}`)
}

/** Stripe fills in the `{CHECKOUT_SESSION_ID}` template variable of the return URLs (and appends nothing). */
function returnUrl(url: string | null, session: CheckoutSession): string | null {
  return url === null ? null : url.replaceAll('{CHECKOUT_SESSION_ID}', session.id)
}

function renderSession(session: CheckoutSession, store: FakeStore): string {
  const items = store.sessionSettings.get(session.id)?.lineItems ?? []
  const lines = items
    .map((item) => {
      const interval = item.price.recurring ? ` / ${item.price.recurring.interval}` : ''
      return `<li>${escapeHtml(item.description)} × ${item.quantity} — ${escapeHtml(formatAmount(item.amount_total, item.currency))}${interval}</li>`
    })
    .join('\n')
  const body = `
<h1>${escapeHtml(items[0]?.description ?? 'Checkout')}</h1>
<p class="amount">${escapeHtml(formatAmount(session.amount_total, session.currency))} <small>${escapeHtml(session.currency.toUpperCase())}</small></p>
<ul>${lines}</ul>
<p>Payment methods: ${escapeHtml(session.payment_method_types.join(', '))}</p>
${session.status === 'open' ? buttons(session) : `<p class="notice">${escapeHtml(statusMessage(session))}</p>`}`
  return htmlPage(`Checkout ${session.id}`, body)
}

function buttons(session: CheckoutSession): string {
  const base = `/checkout/${encodeURIComponent(session.id)}`
  return `<p>
<form method="post" action="${base}/pay"><button class="pay" type="submit">Pay</button></form>
<form method="post" action="${base}/fail"><button class="fail" type="submit">Fail</button></form>
</p>`
}

function statusMessage(session: CheckoutSession): string {
  if (session.status === 'expired') return 'This checkout session has expired.'
  return session.payment_status === 'paid'
    ? 'This checkout session is complete: the payment succeeded.'
    : 'This checkout session is complete; the payment is pending.'
}
