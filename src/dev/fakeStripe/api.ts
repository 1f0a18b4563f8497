import type { IncomingHttpHeaders } from 'node:http'
import Stripe from 'stripe'
import { StripeApiError, type StripeErrorBody } from './errors.ts'
import type { EventBus } from './events.ts'
import { expandResponse } from './expand.ts'
import { parseFormBody } from './formBody.ts'
import { newId } from './ids.ts'
import { stringArray, type Params } from './params.ts'
import { matchRoute, type Emit, type Route } from './router.ts'
import type { FakeStore } from './store.ts'
import type { StripeEventLike } from './types.ts'

export type RecordedRequest = { method: string; path: string; body: Record<string, unknown>; idempotencyKey?: string }

export type ApiRequest = { method: string; pathname: string; query: string; body: string; headers: IncomingHttpHeaders }

/** What to send back, and the events to deliver once it has been sent (Stripe's webhooks trail its responses). */
export type ApiResponse = { status: number; body: unknown; headers: Record<string, string>; events: StripeEventLike[] }

type Stored = { fingerprint: string; status: number; body: unknown }

type ApiOptions = {
  routes: Route[]
  store: FakeStore
  bus: EventBus
  baseUrl: () => string
  requests: RecordedRequest[]
  log: (msg: string) => void
}

/** Stripe's request pipeline: authentication, request log, idempotency, routing, `expand[]`, error JSON. */
export function createApi({ routes, store, bus, baseUrl, requests, log }: ApiOptions): (request: ApiRequest) => ApiResponse {
  const idempotent = new Map<string, Stored>()
  return (request) => {
    const params: Params = { ...parseFormBody(request.query), ...parseFormBody(request.body) }
    const idempotencyKey = header(request.headers, 'idempotency-key')
    requests.push({ method: request.method, path: request.pathname, body: params, ...(idempotencyKey ? { idempotencyKey } : {}) })
    const requestId = newId('req', 14)
    const headers: Record<string, string> = {
      'request-id': requestId,
      'stripe-version': header(request.headers, 'stripe-version') ?? Stripe.API_VERSION,
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    }
    const authError = authenticate(header(request.headers, 'authorization'))
    if (authError) return errorResponse(authError, headers)
    const cacheKey = request.method === 'POST' && idempotencyKey ? `${request.pathname}\n${idempotencyKey}` : undefined
    const fingerprint = JSON.stringify(params)
    const replay = cacheKey ? idempotent.get(cacheKey) : undefined
    if (replay && idempotencyKey) {
      if (replay.fingerprint !== fingerprint) return errorResponse(idempotencyMismatch(idempotencyKey), headers)
      return { status: replay.status, body: replay.body, headers: { ...headers, 'idempotent-replayed': 'true' }, events: [] }
    }
    const response = handle(request, params, { id: requestId, idempotency_key: idempotencyKey ?? null }, headers)
    // Like Stripe, only requests that got past validation are saved: a fixed-up retry may reuse its key.
    const executed = response.status < 400 || response.status === 402
    if (cacheKey && executed) idempotent.set(cacheKey, { fingerprint, status: response.status, body: response.body })
    log(`${request.method} ${request.pathname} -> ${response.status}`)
    return response
  }

  function handle(request: ApiRequest, params: Params, origin: StripeEventLike['request'], headers: Record<string, string>): ApiResponse {
    const match = matchRoute(routes, request.method, request.pathname)
    if (!match) return errorResponse(unrecognized(request), headers, 404)
    // Snapshots now (the object may change later in the handler), recorded once the outcome is known.
    const pending: { type: string; object: object; previousAttributes?: Record<string, unknown> }[] = []
    const emit: Emit = (type, object, previousAttributes) =>
      void pending.push({ type, object: structuredClone(object), previousAttributes })
    const recordAll = () =>
      pending.map(({ type, object, previousAttributes }) => bus.record(type, object, { request: origin, previousAttributes }))
    try {
      const result = match.route.handle({ params, path: match.path, store, baseUrl: baseUrl(), emit })
      const body = expandResponse(result, stringArray(params, 'expand') ?? [], store)
      return { status: 200, body, headers, events: recordAll() }
    } catch (error) {
      // A declined card (402) still happened: its events (payment_intent.payment_failed) are real.
      if (error instanceof StripeApiError) return { ...errorResponse(error, headers), events: error.status === 402 ? recordAll() : [] }
      log(
        `fake Stripe: ${request.method} ${request.pathname} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      )
      return errorResponse(
        new StripeApiError(500, { type: 'api_error', message: 'An unknown error occurred in the fake Stripe server.' }),
        headers,
      )
    }
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

function errorResponse(error: StripeApiError, headers: Record<string, string>, status = error.status): ApiResponse {
  const body: { error: StripeErrorBody } = { error: error.body }
  return { status, body, headers, events: [] }
}

/** Any secret or restricted test key is accepted; its value is not checked. */
function authenticate(authorization: string | undefined): StripeApiError | undefined {
  if (!authorization) {
    return new StripeApiError(401, {
      type: 'invalid_request_error',
      message:
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    })
  }
  const key = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1]
  if (key && /^(sk|rk)_/.test(key)) return undefined
  return new StripeApiError(401, {
    type: 'invalid_request_error',
    message: `Invalid API Key provided: ${(key ?? authorization).slice(0, 8)}****`,
  })
}

function idempotencyMismatch(key: string): StripeApiError {
  return new StripeApiError(400, {
    type: 'idempotency_error',
    message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
  })
}

function unrecognized(request: ApiRequest): StripeApiError {
  return new StripeApiError(404, {
    type: 'invalid_request_error',
    message: `Unrecognized request URL (${request.method}: ${request.pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
  })
}
