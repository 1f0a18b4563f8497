import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Request, Response } from 'express'
import { CLIENT_IP_HEADER } from './clientMetaFromHeaders.ts'

/** An express request's headers as Fetch Headers (what Payload's auth strategies and handlers read). */
export function headersOf(req: Request): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value)
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item)
  }
  return headers
}

/** Express request -> Fetch Request, with the body untouched (streamed, or as already read): Payload parses it. */
export function toWebRequest(req: Request): globalThis.Request {
  const headers = headersOf(req)
  // Payload handlers see no socket; they get the client's address (proxy-aware, per TRUST_PROXY) here.
  headers.set(CLIENT_IP_HEADER, req.ip ?? 'unknown')
  // The request id of our access log, so Payload-side log lines can carry it.
  headers.set('x-request-id', String(req.id))
  const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`)
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers }
  if (hasBody && Buffer.isBuffer(req.body)) {
    init.body = new Uint8Array(req.body) // already read (a JSON body checked by payloadRest)
  } else if (hasBody) {
    init.body = Readable.toWeb(req) as ReadableStream
    init.duplex = 'half'
  }
  return new Request(url, init)
}

/** Fetch Response -> express response, keeping every Set-Cookie header. */
export async function sendWebResponse(res: Response, response: globalThis.Response): Promise<void> {
  res.status(response.status)
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value)
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('set-cookie', cookies)
  if (!response.body) {
    res.end()
    return
  }
  await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), res)
}
