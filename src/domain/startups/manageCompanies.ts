import type { PayloadRequest, Where } from 'payload'
import type { Investor, Startup } from '../../payload-types.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { withTransaction } from '../../lib/transaction.ts'
import type { CompanyTable } from './companyRecords.ts'

/**
 * Startup and investor profiles through the Local API with the caller's access: the collections'
 * validators (required, unique company_name), ownership hooks and role grants run as on every interface.
 */
type Writable<T> = Partial<Omit<T, 'id' | 'createdAt' | 'updatedAt' | 'owners'>>
export type StartupChanges = Writable<Startup>
export type InvestorChanges = Writable<Investor>
type Required = { company_name: string; description: string }
export type CompanyFilters = { search?: string; industry?: string; stage?: string; page: number; pageSize: number }

const notFound = (table: CompanyTable) => new NotFoundError(table === 'startups' ? 'Startup not found.' : 'Investor not found.')

function filtersWhere(table: CompanyTable, filters: CompanyFilters): Where {
  const and: Where[] = []
  if (filters.search) and.push({ or: [{ company_name: { like: filters.search } }, { description: { like: filters.search } }] })
  if (table === 'startups' && filters.industry) and.push({ industry: { equals: filters.industry } })
  if (table === 'startups' && filters.stage) and.push({ stage: { equals: filters.stage } })
  return and.length > 0 ? { and } : {}
}

const listOptions = (req: PayloadRequest, table: CompanyTable, filters: CompanyFilters) => ({
  where: filtersWhere(table, filters),
  page: filters.page,
  limit: filters.pageSize,
  sort: ['-createdAt', '-id'],
  depth: 0,
  overrideAccess: false,
  req,
})

export async function listStartups(req: PayloadRequest, filters: CompanyFilters) {
  const found = await req.payload.find({ collection: 'startups', ...listOptions(req, 'startups', filters) })
  return { total: found.totalDocs, companies: found.docs }
}

export async function listInvestors(req: PayloadRequest, filters: CompanyFilters) {
  const found = await req.payload.find({ collection: 'investors', ...listOptions(req, 'investors', filters) })
  return { total: found.totalDocs, companies: found.docs }
}

export async function getStartup(req: PayloadRequest, id: number): Promise<Startup> {
  const doc = await req.payload.findByID({ collection: 'startups', id, depth: 0, overrideAccess: false, req, disableErrors: true })
  if (!doc) throw notFound('startups')
  return doc
}

export async function getInvestor(req: PayloadRequest, id: number): Promise<Investor> {
  const doc = await req.payload.findByID({ collection: 'investors', id, depth: 0, overrideAccess: false, req, disableErrors: true })
  if (!doc) throw notFound('investors')
  return doc
}

export async function createStartup(req: PayloadRequest, data: StartupChanges & Required): Promise<Startup> {
  return req.payload.create({ collection: 'startups', data, depth: 0, overrideAccess: false, req })
}

export async function createInvestor(req: PayloadRequest, data: InvestorChanges & Required): Promise<Investor> {
  return req.payload.create({ collection: 'investors', data, depth: 0, overrideAccess: false, req })
}

export async function updateStartup(req: PayloadRequest, id: number, data: StartupChanges): Promise<Startup> {
  return withTransaction(req, async () => {
    await getStartup(req, id)
    return req.payload.update({ collection: 'startups', id, data, depth: 0, overrideAccess: false, req })
  })
}

export async function updateInvestor(req: PayloadRequest, id: number, data: InvestorChanges): Promise<Investor> {
  return withTransaction(req, async () => {
    await getInvestor(req, id)
    return req.payload.update({ collection: 'investors', id, data, depth: 0, overrideAccess: false, req })
  })
}

export async function deleteCompany(req: PayloadRequest, table: CompanyTable, id: number): Promise<void> {
  await withTransaction(req, async () => {
    await (table === 'startups' ? getStartup(req, id) : getInvestor(req, id))
    await req.payload.delete({ collection: table, id, depth: 0, overrideAccess: false, req })
  })
}
