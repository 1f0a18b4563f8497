import type { PayloadRequest, Where } from 'payload'

export type UserListQuery = {
  page: number
  pageSize: number
  search?: string
  ordering?: string
  dateAfter?: Date
  dateBefore?: Date
  role?: string
  isActive?: boolean
}

/** `ordering` values (`-` for descending) and the fields they sort by. */
export const USER_ORDERING = {
  created_at: 'createdAt',
  email: 'email',
  username: 'username',
  last_login_at: 'last_login_at',
  id: 'id',
  full_name: 'full_name',
} as const

/** Staff's list of users, filtered and ordered, read as the caller (collection access applies). */
export async function listUsers(req: PayloadRequest, query: UserListQuery) {
  const and: Where[] = []
  if (query.search) {
    const term = query.search.trim()
    and.push({ or: ['email', 'username', 'first_name', 'last_name', 'full_name', 'phone'].map((field) => ({ [field]: { like: term } })) })
  }
  if (query.dateAfter) and.push({ createdAt: { greater_than_equal: query.dateAfter.toISOString() } })
  if (query.dateBefore) and.push({ createdAt: { less_than_equal: query.dateBefore.toISOString() } })
  if (query.role) and.push({ roles: { in: [query.role] } })
  if (query.isActive !== undefined) and.push({ is_active: { equals: query.isActive } })
  return req.payload.find({
    collection: 'users',
    where: and.length > 0 ? { and } : {},
    page: query.page,
    limit: query.pageSize,
    sort: sortOf(query.ordering),
    depth: 0,
    overrideAccess: false,
    req,
  })
}

function sortOf(ordering: string | undefined): string {
  const descending = ordering?.startsWith('-') ?? true
  const key = (ordering?.replace(/^-/, '') ?? 'created_at') as keyof typeof USER_ORDERING
  return `${descending ? '-' : ''}${USER_ORDERING[key] ?? 'createdAt'}`
}
