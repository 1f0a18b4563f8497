import { Router, type Request, type Response } from 'express'
import { createLocalReq, type Payload, type PayloadRequest, type TypedUser } from 'payload'
import type { z } from 'zod'
import { ForbiddenError, UnauthorizedError } from '../lib/errors.ts'
import { authenticate, credentialsOf, type Authentication } from './authenticate.ts'
import { assertCsrf } from './csrf.ts'
import { applyClientRateLimit } from './rateLimitClient.ts'
import './zodMessages.ts'
import { requiresSignIn, routeRegistry, type HttpMethod, type RouteSpec } from './routeRegistry.ts'
import { hasRole } from '../access/hasRole.ts'
import { isStaffMember } from '../access/isStaffMember.ts'
import { config } from '../lib/config.ts'
import { readMultipart, type UploadedFile } from './multipart.ts'
import { usageLocals } from './usageTracking.ts'

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined

/** Routes that require a user (`auth: 'user' | 'staff' | 'admin'`) get one; the others may have none. */
type CallerOf<S extends RouteSpec> = S['auth'] extends 'user' | 'staff' | 'admin' ? TypedUser : TypedUser | null

export type RouteContext<S extends RouteSpec> = {
  /** Payload request for Local API calls: carries the caller and the request id. */
  req: PayloadRequest
  user: CallerOf<S>
  /** How the caller authenticated (header or cookie), for routes that answer differently per mode. */
  auth: Authentication
  params: Parsed<S['params']>
  query: Parsed<S['query']>
  body: Parsed<S['body']>
  /** The uploaded file of an `upload` route, on disk. */
  upload: S['upload'] extends object ? UploadedFile : undefined
  http: { req: Request; res: Response }
}

/** What a handler returns. `{ sent: true }` means it wrote the response itself (files, streams, redirects). */
export type RouteResult = { status?: number; body?: unknown; headers?: Record<string, string> } | { sent: true }

type Handler<S extends RouteSpec> = (context: RouteContext<S>) => Promise<RouteResult>

/**
 * An express router for one group of routes. Each route declares its schemas once: they parse the
 * request (a ZodError becomes a 400 in the error handler), and they document it in /api/openapi.json.
 * Express's non-strict routing makes `/x` and `/x/` the same route.
 */
export function v1Router(prefix: string, { base = '/api/v1', documented = true }: { base?: string; documented?: boolean } = {}) {
  const router = Router({ strict: false, mergeParams: true })
  const add =
    (method: HttpMethod) =>
    <S extends RouteSpec>(path: string, spec: S, handler: Handler<S>) => {
      const template = `${base}${prefix}${path}`.replace(/\/$/, '') || '/'
      // An undocumented router serves routes documented elsewhere (the CRM's own port repeats /api/v1/crm).
      if (documented) routeRegistry.push({ method, path: template, spec })
      router[method](path, async (req: Request, res: Response) => {
        res.locals.envelope = spec.envelope ?? 'default'
        usageLocals(res).route = template
        const context = await buildContext(req, res, spec)
        const result = await handler(context)
        if ('sent' in result) return
        if (result.headers) res.set(result.headers)
        res.status(result.status ?? 200)
        if (result.body === undefined) res.end()
        else sendJson(res, result.body)
      })
    }
  return { prefix, base, router, get: add('get'), post: add('post'), put: add('put'), patch: add('patch'), delete: add('delete') }
}

export type V1Router = ReturnType<typeof v1Router>

/**
 * What res.json does, minus its per-response work these routes never need (content-type parsing and
 * charset lookup, the freshness check an ETag-less response cannot pass): the body is written as is.
 */
function sendJson(res: Response, body: unknown): void {
  const text = JSON.stringify(body)
  if (!res.getHeader('Content-Type')) res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Content-Length', Buffer.byteLength(text))
  res.end(res.req.method === 'HEAD' ? undefined : text)
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const anonymous: Authentication = { user: null, via: null, rejectedToken: false }

async function buildContext<S extends RouteSpec>(req: Request, res: Response, spec: S): Promise<RouteContext<S>> {
  const payload: Payload = req.app.locals.payload
  const requirement = spec.auth ?? 'public'
  const limited = spec.rateLimit !== false
  // Read and verified once: the rate limit's tier and authentication both come from the same token.
  const credentials = limited || requirement !== 'public' ? await credentialsOf(req) : null
  if (limited) await applyClientRateLimit(req, res, credentials?.claims ?? null)
  const auth = requirement === 'public' || !credentials ? anonymous : await authenticate(payload, credentials)
  if (!SAFE_METHODS.has(req.method) && (auth.via === 'cookie' || spec.csrf)) assertCsrf(req)
  const { user } = auth
  if (user) usageLocals(res).userId = Number(user.id)
  if (requiresSignIn(requirement) && !user) {
    throw new UnauthorizedError(auth.rejectedToken ? 'Token is invalid or expired' : undefined)
  }
  if (requirement === 'staff' && !isStaffMember(user)) throw new ForbiddenError()
  if (requirement === 'admin' && !hasRole(user, 'admin')) throw new ForbiddenError()
  if (spec.guard) await spec.guard({ http: req, user, payload })
  const params = spec.params ? spec.params.parse(req.params) : undefined
  const query = spec.query ? spec.query.parse(req.query) : undefined
  // The body of an upload is read only now, after authentication and the rate limit said yes.
  const multipart = spec.upload
    ? await readMultipart(req, res, { fileField: spec.upload.field, maxFileBytes: config.UPLOAD_MAX_BYTES })
    : undefined
  const body = spec.body ? spec.body.parse(multipart?.fields ?? req.body ?? {}) : undefined
  const payloadReq = await createLocalReq({ user: user ?? undefined, context: { reqId: String(req.id) } }, payload)
  return { req: payloadReq, user, auth, params, query, body, upload: multipart?.file, http: { req, res } } as RouteContext<S>
}
