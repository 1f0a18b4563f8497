import type { CollectionSlug, PayloadRequest, Where } from 'payload'

/** Spec 001's common list parameters, parsed (see src/lib/validation/humanlinkQuery.ts). */
export type ListQuery = {
  page: number
  pageSize: number
  ordering?: string
  search?: string
  dateAfter?: Date
  dateBefore?: Date
}

/** Payload's sort for an `ordering` value (`-` for descending) among the allowed keys, else the fallback. */
export function sortFor(ordering: string | undefined, fields: Record<string, string>, fallback: string): string {
  if (!ordering) return fallback
  const key = ordering.replace(/^-/, '')
  const field = fields[key]
  if (!field) return fallback
  return `${ordering.startsWith('-') ? '-' : ''}${field}`
}

/** `date_after` / `date_before` on `field`, both inclusive. */
export function dateRange(field: string, { dateAfter, dateBefore }: Pick<ListQuery, 'dateAfter' | 'dateBefore'>): Where[] {
  const where: Where[] = []
  if (dateAfter) where.push({ [field]: { greater_than_equal: dateAfter.toISOString() } })
  if (dateBefore) where.push({ [field]: { less_than_equal: dateBefore.toISOString() } })
  return where
}

const whereAll = (parts: Where[]): Where => (parts.length > 0 ? { and: parts } : {})

/** One page of a spec 001 list, read as the caller (the collection's access keeps others' rows out). */
export function findListPage<S extends CollectionSlug>(
  req: PayloadRequest,
  collection: S,
  { where, sort }: { where: Where[]; sort: string[] },
  { page, pageSize }: Pick<ListQuery, 'page' | 'pageSize'>,
) {
  return req.payload.find({ collection, where: whereAll(where), sort, page, limit: pageSize, depth: 0, overrideAccess: false, req })
}
