import type { Request } from 'express'
import type { Payload, TypedUser } from 'payload'
import type { z } from 'zod'
import type { Envelope } from './errorBody.ts'

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete'
/** public: anyone; optional: the caller when a token is sent; user: any signed-in user; staff: manager or admin; admin: admin only. */
export type AuthRequirement = 'public' | 'optional' | 'user' | 'staff' | 'admin'

/** Whether a route of this requirement refuses anonymous callers (401). */
export function requiresSignIn(auth: AuthRequirement | undefined): boolean {
  return auth === 'user' || auth === 'staff' || auth === 'admin'
}

export type RouteSpec = {
  summary: string
  description?: string
  tags?: string[]
  auth?: AuthRequirement
  envelope?: Envelope
  params?: z.ZodType
  query?: z.ZodType
  body?: z.ZodType
  /** Documented responses: a schema for a JSON body, or a sentence for bodies that are not JSON. */
  responses: Record<number, z.ZodType | string>
  /** Require the CSRF double-submit check even without cookie authentication (cookie-mode sign-in). */
  csrf?: boolean
  /** false: outside the per-client rate limit (Stripe webhooks, the CRM's service token). */
  rateLimit?: false
  /**
   * A multipart/form-data route: the file in `field` is streamed to a temp file (at most UPLOAD_MAX_BYTES,
   * else 413) and handed to the handler as `upload`; the other form fields are parsed by `body`.
   */
  upload?: { field: string }
  /**
   * Runs after authentication and before the request is parsed, for routes with their own credentials
   * (the CRM's static token): a refused caller gets its 401/403 before any 400 about its input.
   */
  guard?: (request: { http: Request; user: TypedUser | null; payload: Payload }) => Promise<void>
}

export type RegisteredRoute = { method: HttpMethod; path: string; spec: RouteSpec }

/** Every route mounted through v1Router, in mount order: the source of /api/openapi.json. */
export const routeRegistry: RegisteredRoute[] = []
