import type { FakeStore } from './store.ts'
import type { Params } from './params.ts'

/** Records an event for the current request; it is stored and delivered only if the request succeeds. */
export type Emit = (type: string, object: object, previousAttributes?: Record<string, unknown>) => void

export type RouteContext = {
  params: Params
  /** The `:name` segments of the route, in order. */
  path: string[]
  store: FakeStore
  baseUrl: string
  emit: Emit
}

export type Method = 'GET' | 'POST' | 'DELETE'

export type Route = { method: Method; pattern: RegExp; handle: (context: RouteContext) => object }

/** `route('GET', '/v1/checkout/sessions/:id', handle)`: `:id` matches one path segment. */
export function route(method: Method, template: string, handle: Route['handle']): Route {
  const source = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[a-z_]+/g, '([^/]+)')
  return { method, pattern: new RegExp(`^${source}$`), handle }
}

export type RouteMatch = { route: Route; path: string[] }

/** The route for `method` and `pathname`; Stripe answers a known path with the wrong method as an unknown URL too. */
export function matchRoute(routes: Route[], method: string, pathname: string): RouteMatch | undefined {
  for (const candidate of routes) {
    if (candidate.method !== method) continue
    const match = candidate.pattern.exec(pathname)
    if (match) return { route: candidate, path: match.slice(1).map(decodeSegment) }
  }
  return undefined
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
