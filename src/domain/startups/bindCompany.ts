import type { PayloadRequest } from 'payload'
import { withTransaction } from '../../lib/transaction.ts'
import { grantRole } from '../auth/userRecords.ts'
import { addCompanyOwner, findOrCreateCompany, tableOf } from './companyRecords.ts'
import type { CompanyType } from './statuses.ts'

export type Binding = { message: string; company_type: CompanyType; company_id: number; created: boolean }

/**
 * Spec 002's company binding: the caller joins the owners of the company of that name (case-insensitive),
 * created if there is none, and gets the startup or investor role, all in one transaction.
 */
export async function bindCompany(req: PayloadRequest, userId: number, name: string, type: CompanyType): Promise<Binding> {
  return withTransaction(req, async () => {
    const table = tableOf(type)
    const company = await findOrCreateCompany(req, table, name)
    await addCompanyOwner(req, table, company.id, userId)
    await grantRole(req, userId, type)
    const message = company.created
      ? `Successfully created and bound to new ${type}: ${company.company_name}`
      : `Successfully bound to existing ${type}: ${company.company_name}`
    return { message, company_type: type, company_id: company.id, created: company.created }
  })
}
