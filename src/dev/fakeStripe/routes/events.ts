import { listPage } from '../list.ts'
import { optionalString, stringArray } from '../params.ts'
import { route, type Route } from '../router.ts'
import { getOrThrow, newestFirst } from '../store.ts'

/** `type` may end in `*` (e.g. `checkout.session.*`), as on Stripe. */
function typeMatcher(pattern: string): (type: string) => boolean {
  return pattern.endsWith('*') ? (type) => type.startsWith(pattern.slice(0, -1)) : (type) => type === pattern
}

export const eventRoutes: Route[] = [
  route('GET', '/v1/events', ({ params, store }) => {
    const patterns = [optionalString(params, 'type'), ...(stringArray(params, 'types') ?? [])].filter((type) => type !== undefined)
    const matchers = patterns.map(typeMatcher)
    const events = newestFirst(store.events).filter((event) => matchers.length === 0 || matchers.some((matches) => matches(event.type)))
    return listPage(events, params, '/v1/events')
  }),

  route('GET', '/v1/events/:id', ({ path, store }) => getOrThrow(store.events, 'event', path[0])),
]
