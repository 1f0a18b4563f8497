import { invalidRequest } from './errors.ts'
import { isRecord, optionalInteger, optionalString, type Params } from './params.ts'
import type { StripeList } from './types.ts'

// Line items have no `created`: a `created` filter leaves them out, like any other mismatch.
type Listable = { id: string; created?: number }

/**
 * One page of a Stripe list endpoint: `items` newest first, filtered by `created` (a timestamp or
 * `created[gt|gte|lt|lte]`), paged by `starting_after` / `ending_before` and `limit` (1–100, default 10).
 */
export function listPage<T extends Listable>(items: T[], params: Params, url: string): StripeList<T> {
  const limit = optionalInteger(params, 'limit') ?? 10
  if (limit < 1 || limit > 100) throw invalidRequest('This value must be between 1 and 100 (it is currently ' + limit + ').', 'limit')
  const matching = items.filter(createdMatcher(params))
  const after = optionalString(params, 'starting_after')
  const before = optionalString(params, 'ending_before')
  if (before !== undefined) {
    const end = indexOf(matching, before, 'ending_before')
    const start = Math.max(0, end - limit)
    return { object: 'list', data: matching.slice(start, end), has_more: start > 0, url }
  }
  const start = after === undefined ? 0 : indexOf(matching, after, 'starting_after') + 1
  return { object: 'list', data: matching.slice(start, start + limit), has_more: start + limit < matching.length, url }
}

function indexOf(items: Listable[], id: string, param: string): number {
  const index = items.findIndex((item) => item.id === id)
  if (index === -1) throw invalidRequest(`No such object: '${id}'`, param, 'resource_missing')
  return index
}

function createdMatcher(params: Params): (item: Listable) => boolean {
  const created = params.created
  if (created === undefined || created === '') return () => true
  if (!isRecord(created)) {
    const exact = optionalInteger(params, 'created')
    return (item) => item.created === exact
  }
  const bound = (key: string) => optionalInteger(created, key, `created[${key}]`)
  const [gt, gte, lt, lte] = [bound('gt'), bound('gte'), bound('lt'), bound('lte')]
  return ({ created: at }) =>
    at !== undefined &&
    (gt === undefined || at > gt) &&
    (gte === undefined || at >= gte) &&
    (lt === undefined || at < lt) &&
    (lte === undefined || at <= lte)
}

/** Keeps the items whose `field` equals the parameter of the same name, when it is given. */
export function whereParam<T>(items: T[], params: Params, field: keyof T & string): T[] {
  const wanted = optionalString(params, field)
  return wanted === undefined ? items : items.filter((item) => item[field] === wanted)
}
