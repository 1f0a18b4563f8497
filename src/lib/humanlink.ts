import { linkPagination, type PageInfo } from './pagination.ts'

/** HumanLink's success envelope (spec 001): `{success: true, data, message?}`. */
export function humanlinkBody<T>(data: T, message?: string) {
  return { success: true as const, data, ...(message ? { message } : {}) }
}

/**
 * HumanLink's list envelope: `data.results` as documented, with `pagination` {count, next, previous,
 * results} (DRF's page, with absolute links that keep the query's filters).
 */
export function humanlinkList<T>(results: T[], info: PageInfo, path: string, query: Record<string, unknown>, message?: string) {
  const pagination = linkPagination(info, path, query)
  return { ...humanlinkBody({ results, count: info.total }, message), pagination: { ...pagination, results } }
}
