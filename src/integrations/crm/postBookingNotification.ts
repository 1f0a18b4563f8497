import { createHmac } from 'node:crypto'

/** The header carrying `sha256=<hex HMAC-SHA256 of the raw body>`, keyed with the CRM's bearer token. */
export const CRM_SIGNATURE_HEADER = 'x-crm-signature'

export function crmSignature(rawBody: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`
}

export type ExternalCrm = { url: string; token: string; timeoutMs?: number }

/**
 * POSTs one booking notification (spec 004's body) to an external CRM's /api/notify with the bearer token
 * and the signature. Resolves on a 2xx answer; throws otherwise, so the caller retries.
 */
export async function postBookingNotification(crm: ExternalCrm, body: unknown, idempotencyKey: string): Promise<void> {
  const raw = JSON.stringify(body)
  const response = await fetch(new URL('/api/notify', crm.url), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${crm.token}`,
      [CRM_SIGNATURE_HEADER]: crmSignature(raw, crm.token),
      'idempotency-key': idempotencyKey,
    },
    body: raw,
    signal: AbortSignal.timeout(crm.timeoutMs ?? 10_000),
  })
  if (!response.ok) {
    const text = await response.text().catch(() => '')
    throw new Error(`external CRM answered ${response.status}${text ? `: ${text.slice(0, 300)}` : ''}`)
  }
  await response.body?.cancel()
}
