import { config } from './config.ts'

export type PageInfo = { page: number; pageSize: number; total: number }

export function pageCount({ pageSize, total }: PageInfo): number {
  return Math.max(1, Math.ceil(total / pageSize))
}

/** Booking/Innonet pagination object: page, pages, per_page, total, has_next, has_prev. */
export function pagePagination(info: PageInfo) {
  const pages = pageCount(info)
  return { page: info.page, pages, per_page: info.pageSize, total: info.total, has_next: info.page < pages, has_prev: info.page > 1 }
}

/** DRF-style pagination (HumanLink, Forum CC): count with absolute next/previous links. */
export function linkPagination(info: PageInfo, path: string, query: Record<string, unknown>) {
  const pages = pageCount(info)
  const link = (page: number) => {
    const url = new URL(path, config.PUBLIC_URL)
    for (const [key, value] of Object.entries(query))
      if (value !== undefined && value !== '' && key !== 'page') url.searchParams.set(key, String(value))
    url.searchParams.set('page', String(page))
    return url.toString()
  }
  return {
    count: info.total,
    next: info.page < pages ? link(info.page + 1) : null,
    previous: info.page > 1 ? link(info.page - 1) : null,
    page: info.page,
    page_size: info.pageSize,
    pages,
  }
}
