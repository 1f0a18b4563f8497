import type { RequestHandler } from 'express'
import { handleEndpoints, type Payload } from 'payload'
import { sendWebResponse, toWebRequest } from './webRequest.ts'

/** Payload's auto REST API (/api/<collection>...), served by Payload's own handler without Next in the loop. */
export function payloadRest(payload: Payload): RequestHandler {
  return async (req, res) => {
    const response = await handleEndpoints({ config: payload.config, request: toWebRequest(req) })
    await sendWebResponse(res, response)
  }
}

/**
 * Payload's GraphQL endpoint. Its handler ships in @payloadcms/next but needs nothing from Next at runtime;
 * it is loaded on the first query so servers that never see GraphQL skip the import.
 */
export function payloadGraphQL(payload: Payload): RequestHandler {
  let handle: ((request: globalThis.Request) => Promise<globalThis.Response>) | undefined
  return async (req, res) => {
    handle ??= (await import('@payloadcms/next/routes')).GRAPHQL_POST(payload.config)
    await sendWebResponse(res, await handle(toWebRequest(req)))
  }
}
