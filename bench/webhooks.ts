import { randomBytes } from 'node:crypto'
import autocannon from 'autocannon'
import Stripe from 'stripe'
import { toRow, type Row } from './rows.ts'

const signer = new Stripe('sk_test_bench_signer')

/** A Stripe event body and its signature header, as Stripe would deliver it now. */
function signedEvent(secret: string, type: string): { body: string; signature: string } {
  const id = `evt_bench_${randomBytes(12).toString('hex')}`
  const body = JSON.stringify({
    id,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    api_version: '2026-10-28.endive',
    data: { object: { id: `cus_bench_${id.slice(10)}`, object: 'customer' } },
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
  })
  return { body, signature: signer.webhooks.generateTestHeaderString({ payload: body, secret }) }
}

async function run(
  name: string,
  url: string,
  connections: number,
  duration: number,
  next: () => { body: string; signature: string },
): Promise<Row> {
  process.stdout.write(`${name} -> platform (${duration}s, ${connections} connections)\n`)
  const result = await autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const { body, signature } = next()
          return { ...request, body, headers: { ...request.headers, 'content-type': 'application/json', 'stripe-signature': signature } }
        },
      },
    ],
  })
  return toRow(name, 'platform', result)
}

/**
 * The webhook under load: every delivery a new signed event (verified, recorded once in stripe_events),
 * then one event redelivered over and over (Stripe's retry storm: verified, recognised, 200, no writes).
 */
export async function measureWebhooks(baseUrl: string, secret: string, connections: number, duration: number): Promise<Row[]> {
  const url = `${baseUrl}/api/v1/payments/webhook`
  const fresh = await run('POST /api/v1/payments/webhook (new events)', url, connections, duration, () =>
    signedEvent(secret, 'customer.created'),
  )
  const replayed = signedEvent(secret, 'customer.created')
  const duplicate = await run('POST /api/v1/payments/webhook (same event replayed)', url, connections, duration, () => replayed)
  return [fresh, duplicate]
}
