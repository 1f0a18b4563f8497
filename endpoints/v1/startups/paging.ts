import { NotFoundError } from '../../../src/lib/errors.ts'
import { linkPagination, pageCount } from '../../../src/lib/pagination.ts'

/** DRF's page-number envelope with absolute links; a page past the last is DRF's 404 "Invalid page.". */
export function drfPage<T>(
  path: string,
  query: Record<string, unknown> & { page: number; page_size: number },
  total: number,
  results: T[],
) {
  const info = { page: query.page, pageSize: query.page_size, total }
  if (query.page > pageCount(info)) throw new NotFoundError('Invalid page.')
  const { count, next, previous } = linkPagination(info, path, query)
  return { count, next, previous, results }
}
