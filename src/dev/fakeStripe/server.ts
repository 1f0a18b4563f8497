import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { text } from 'node:stream/consumers'
import { createApi, type ApiResponse, type RecordedRequest } from './api.ts'
import { createCheckoutFlows, type FlowOptions } from './checkoutFlow.ts'
import { checkoutPage, type PageResponse } from './checkoutPage.ts'
import { createEventBus, type WebhookDelivery } from './events.ts'
import { completePaymentIntent, type CompleteOptions } from './intentFlow.ts'
import { invoicePage } from './invoicePages.ts'
import { apiRoutes } from './routes/index.ts'
import { createStore, type FakeStore } from './store.ts'
import type { StripeEventLike } from './types.ts'

export type { FakeStore } from './store.ts'
export type { RecordedRequest } from './api.ts'
export type { WebhookDelivery } from './events.ts'
export type * from './types.ts'

export type FakeStripeOptions = { webhookUrl?: string; webhookSecret: string; port?: number; log?: (msg: string) => void }

/** A local Stripe API (the real SDK talks to it via its host/port/protocol options) plus a hosted Checkout page. */
export type FakeStripe = {
  url: string
  host: string
  port: number
  protocol: 'http'
  webhookSecret: string
  setWebhookUrl(url: string): void
  /** Every /v1 request received, in order, with its parsed body (query string merged in). */
  requests: RecordedRequest[]
  /** Every webhook POST made so far and the endpoint's answer. */
  deliveries: WebhookDelivery[]
  store: FakeStore
  paySession(sessionId: string, options?: FlowOptions): Promise<StripeEventLike[]>
  failSession(sessionId: string, options?: FlowOptions): Promise<StripeEventLike[]>
  expireSession(sessionId: string, options?: { deliver?: boolean }): Promise<StripeEventLike[]>
  /** The customer finishes 3-D Secure / pays an incomplete subscription's first invoice (or fails to): see intentFlow.ts. */
  completePaymentIntent(paymentIntentId: string, options?: CompleteOptions): Promise<StripeEventLike[]>
  emit(type: string, object: Record<string, unknown>, options?: { deliver?: boolean }): Promise<StripeEventLike>
  sign(payload: string, options?: { timestamp?: number; secret?: string }): string
  deliver(event: StripeEventLike | string, options?: { signature?: string }): Promise<{ status: number; body: string }>
  /** Waits until every webhook triggered so far (API calls deliver theirs in the background) has been delivered. */
  settle(): Promise<void>
  close(): Promise<void>
}

const HOST = '127.0.0.1'

export async function startFakeStripe(options: FakeStripeOptions): Promise<FakeStripe> {
  const log = options.log ?? (() => undefined)
  const store = createStore()
  const bus = createEventBus({ store, webhookSecret: options.webhookSecret, webhookUrl: options.webhookUrl, log })
  const requests: RecordedRequest[] = []
  let baseUrl = ''
  const api = createApi({ routes: apiRoutes, store, bus, baseUrl: () => baseUrl, requests, log })
  const flows = createCheckoutFlows(store, bus, () => baseUrl)

  const server = http.createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      log(`fake Stripe: ${req.method} ${req.url} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
      res.end('fake Stripe error')
    })
  })

  async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake-stripe')
    const method = req.method ?? 'GET'
    const body = await text(req)
    if (url.pathname.startsWith('/v1/')) {
      const response = api({ method, pathname: url.pathname, query: url.search.slice(1), body, headers: req.headers })
      sendJson(res, response)
      if (response.events.length > 0) void bus.enqueue(response.events)
      return
    }
    const page = (await checkoutPage(method, url.pathname, store, flows)) ?? invoicePage(method, url.pathname, store)
    sendPage(res, page ?? { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Not found' })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, HOST, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  baseUrl = `http://${HOST}:${port}`
  log(`fake Stripe listening on ${baseUrl}`)

  return {
    url: baseUrl,
    host: HOST,
    port,
    protocol: 'http',
    webhookSecret: options.webhookSecret,
    setWebhookUrl: (next) => bus.setWebhookUrl(next),
    requests,
    deliveries: bus.deliveries,
    store,
    paySession: (id, flowOptions) => flows.pay(id, flowOptions),
    failSession: (id, flowOptions) => flows.fail(id, flowOptions),
    expireSession: (id, flowOptions) => flows.expire(id, flowOptions),
    completePaymentIntent: (id, completeOptions) => completePaymentIntent(store, bus, id, completeOptions),
    async emit(type, object, emitOptions = {}) {
      const event = bus.record(type, object)
      if (emitOptions.deliver !== false) await bus.enqueue([event])
      return event
    },
    sign: bus.sign,
    deliver: bus.deliver,
    settle: bus.settle,
    async close() {
      await bus.settle()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeIdleConnections()
      })
    },
  }
}

function sendJson(res: http.ServerResponse, response: ApiResponse): void {
  res.writeHead(response.status, { ...response.headers, 'content-type': 'application/json' })
  res.end(JSON.stringify(response.body, null, 2))
}

function sendPage(res: http.ServerResponse, page: PageResponse): void {
  res.writeHead(page.status, page.headers)
  res.end(page.body)
}
