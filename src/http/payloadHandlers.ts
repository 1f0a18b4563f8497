import { clientAborted } from './clientAborted.ts'
import express, { type ErrorRequestHandler, type RequestHandler } from 'express'
import { handleEndpoints, type Endpoint, type Payload, type PayloadHandler, type SanitizedCollectionConfig } from 'payload'
import { config } from '../lib/config.ts'
import { BadRequestError } from '../lib/errors.ts'
import { logRejected, payloadClientError, payloadErrorResponse, requestIdOf } from './payloadErrors.ts'
import { assertPayloadRequest, rememberJsonBody } from './payloadRequestRules.ts'
import { sendWebResponse, toWebRequest } from './webRequest.ts'

/**
 * Payload's auto REST API (/api/<collection>...), served by Payload's own handler without Next in the loop.
 * JSON bodies are read here first (BODY_LIMIT, and they must be objects: Payload fails on `null` or `"x"`),
 * then handed to Payload as they came.
 */
export function payloadRest(payload: Payload, extraEndpoints: Record<string, Endpoint[]> = {}): RequestHandler[] {
  guardPayloadEndpoints(payload, extraEndpoints)
  const readJson = express.raw({ type: 'application/json', limit: config.BODY_LIMIT })
  const serve: RequestHandler = async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? jsonObject(req.body) : undefined
    const request = toWebRequest(req)
    if (body) rememberJsonBody(request, body)
    await sendWebResponse(res, await handleEndpoints({ config: payload.config, request }))
  }
  return [readJson, serve]
}

function jsonObject(body: Buffer): Record<string, unknown> | undefined {
  if (body.length === 0) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(body.toString('utf8'))
  } catch {
    throw new BadRequestError('Invalid JSON') // Payload's words for it
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new BadRequestError('The request body must be a JSON object.')
  return parsed as Record<string, unknown> // cast: an object, checked just above
}

/**
 * Errors raised before Payload's handler runs (body limit, body shape), answered in Payload's shape; any
 * other is a server failure (logged at error, "Something went wrong.").
 */
export const payloadErrorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (clientAborted(req, res, err)) return void res.destroy()
  const client = payloadClientError(err)
  if (client) logRejected(String(req.id), client)
  else req.log.error({ err }, 'request failed')
  if (res.headersSent) return res.end()
  if (!client) return res.status(500).json({ errors: [{ message: 'Something went wrong.' }] })
  if (client.retryAfterSeconds) res.set('Retry-After', String(client.retryAfterSeconds))
  res.status(client.status).json(client.body)
}

/**
 * Every REST endpoint of every collection (Payload's and ours, `extraEndpoints` first: ours in front of
 * Payload-internal collections' own) runs behind one guard: the request is
 * checked first (assertPayloadRequest), and a client error it raises is answered by payloadClientError,
 * in Payload's body shape, logged at debug. Server failures go on to Payload (logged at error, 500).
 */
const guardedConfigs = new WeakSet<object>()

function guardPayloadEndpoints(payload: Payload, extraEndpoints: Record<string, Endpoint[]>): void {
  if (guardedConfigs.has(payload.config)) return
  guardedConfigs.add(payload.config)
  for (const collection of payload.config.collections) {
    // Payload's internal collections without REST routes (migrations) answer 501; no route is a 404.
    const endpoints = [...(extraEndpoints[collection.slug] ?? []), ...(collection.endpoints || [])]
    collection.endpoints = endpoints.map((endpoint) => guard(endpoint, collection))
  }
  const root = payload.config.endpoints
  // cast: the sanitized type of root endpoints adds `root: never`, which a copy keeps.
  if (root) payload.config.endpoints = root.map((endpoint) => guard(endpoint, undefined)) as typeof root
}

// Payload shares its default endpoint objects between collections: each collection gets its own copy.
function guard(endpoint: Endpoint, collection: SanitizedCollectionConfig | undefined): Endpoint {
  const handler: PayloadHandler = async (req) => {
    try {
      assertPayloadRequest(req, endpoint, collection)
      return await endpoint.handler(req)
    } catch (error) {
      const client = payloadClientError(error)
      if (!client) throw error
      logRejected(requestIdOf(req), client)
      return payloadErrorResponse(client)
    }
  }
  return { ...endpoint, handler }
}

/**
 * Payload's GraphQL endpoint. Its handler ships in @payloadcms/next but needs nothing from Next at runtime;
 * it is loaded on the first query so servers that never see GraphQL skip the import. Its errors are mapped
 * by the afterError hook (reportPayloadError).
 */
export function payloadGraphQL(payload: Payload): RequestHandler {
  let handle: ((request: globalThis.Request) => Promise<globalThis.Response>) | undefined
  return async (req, res) => {
    handle ??= (await import('@payloadcms/next/routes')).GRAPHQL_POST(payload.config)
    await sendWebResponse(res, await handle(toWebRequest(req)))
  }
}
