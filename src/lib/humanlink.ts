import { linkPagination, type PageInfo } from './pagination.ts'

/** HumanLink's success envelope (spec 001): `{success: true, data, message?}`. */
export function humanlinkBody<T>(data: T, message?: string) {
  return { success: true as const, data, ...(message ? { message } : {}) }
}

/** Where a list was asked for (the route's HTTP request): the links keep its path and its query's filters. */
export type ListSource = { baseUrl: string; path: string; query: Record<string, unknown> }

/**
 * HumanLink's list envelope: `data.results` as documented, with `pagination` {count, next, previous,
 * results} (DRF's page, with absolute links that keep the query's filters).
 */
export function humanlinkList<T>(results: T[], info: PageInfo, from: ListSource) {
  const pagination = linkPagination(info, from.baseUrl + from.path, from.query)
  return { ...humanlinkBody({ results, count: info.total }), pagination: { ...pagination, results } }
}

/** The page a Payload `find` answered for a list query (its page number, else the one asked for). */
export function foundPage(found: { page?: number; totalDocs: number }, query: { page: number; pageSize: number }): PageInfo {
  return { page: found.page ?? query.page, pageSize: query.pageSize, total: found.totalDocs }
}
