import Stripe from 'stripe'
import { newId, nowSeconds } from './ids.ts'
import type { FakeStore } from './store.ts'
import type { StripeEventLike } from './types.ts'

/** One webhook POST the fake made: which event, and what the endpoint answered (status 0: unreachable). */
export type WebhookDelivery = { event: string; type: string; status: number; body: string }

export type RecordOptions = { request?: StripeEventLike['request']; previousAttributes?: Record<string, unknown> }

export type EventBus = {
  /** Builds an event around a snapshot of `object` and stores it (GET /v1/events sees it). */
  record(type: string, object: object, options?: RecordOptions): StripeEventLike
  /** Delivers events one after another, after anything queued earlier; failures are logged, not thrown. */
  enqueue(events: StripeEventLike[]): Promise<void>
  /** POSTs one payload to the webhook URL now and returns the answer; throws when unreachable. */
  deliver(event: StripeEventLike | string, options?: { signature?: string }): Promise<{ status: number; body: string }>
  sign(payload: string, options?: { timestamp?: number; secret?: string }): string
  /** Resolves once every queued delivery has finished. */
  settle(): Promise<void>
  setWebhookUrl(url: string | undefined): void
  deliveries: WebhookDelivery[]
}

type BusOptions = { store: FakeStore; webhookSecret: string; webhookUrl?: string; log: (msg: string) => void }

export function createEventBus({ store, webhookSecret, webhookUrl, log }: BusOptions): EventBus {
  let url = webhookUrl
  let queue: Promise<void> = Promise.resolve()
  const deliveries: WebhookDelivery[] = []

  const sign: EventBus['sign'] = (payload, options = {}) =>
    Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? webhookSecret, timestamp: options.timestamp })

  const deliver: EventBus['deliver'] = async (event, options = {}) => {
    if (!url) throw new Error('fake Stripe: no webhook URL is set')
    // Stripe sends pretty-printed JSON; the signature covers these exact bytes.
    const payload = typeof event === 'string' ? event : JSON.stringify(event, null, 2)
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'stripe-signature': options.signature ?? sign(payload),
      'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
    }
    const response = await fetch(url, { method: 'POST', headers, body: payload, signal: AbortSignal.timeout(30_000) })
    return { status: response.status, body: await response.text() }
  }

  const deliverLogged = async (event: StripeEventLike): Promise<void> => {
    if (!url) return
    try {
      const { status, body } = await deliver(event)
      deliveries.push({ event: event.id, type: event.type, status, body })
      log(`webhook ${event.type} (${event.id}) -> ${status}`)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      deliveries.push({ event: event.id, type: event.type, status: 0, body: message })
      log(`webhook ${event.type} (${event.id}) failed: ${message}`)
    }
  }

  return {
    record(type, object, options = {}) {
      const event: StripeEventLike = {
        id: newId('evt'),
        object: 'event',
        api_version: Stripe.API_VERSION,
        created: nowSeconds(),
        type,
        livemode: false,
        pending_webhooks: url ? 1 : 0,
        request: options.request ?? { id: null, idempotency_key: null },
        data: {
          object: structuredClone({ ...object }),
          ...(options.previousAttributes ? { previous_attributes: options.previousAttributes } : {}),
        },
      }
      store.events.set(event.id, event)
      return event
    },
    enqueue(events) {
      const run = queue.then(async () => {
        for (const event of events) await deliverLogged(event)
      })
      queue = run
      return run
    },
    deliver,
    sign,
    async settle() {
      // Deliveries may queue more (a webhook handler calling the API): wait until the queue stops growing.
      let current: Promise<void>
      do {
        current = queue
        await current
      } while (current !== queue)
    },
    setWebhookUrl(next) {
      url = next
    },
    deliveries,
  }
}
