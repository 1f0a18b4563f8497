import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook, PayloadRequest } from 'payload'
import { isStaffMember } from '../../src/access/isStaffMember.ts'
import { isCompanyOwner, type CompanyTable } from '../../src/domain/startups/companyRecords.ts'
import { ForbiddenError } from '../../src/lib/errors.ts'

/** Only owners and staff change or delete a company (requests without a user are the system's). */
async function assertOwner(req: PayloadRequest, table: CompanyTable, id: number): Promise<void> {
  if (!req.user || isStaffMember(req.user)) return
  if (!(await isCompanyOwner(req, table, id, Number(req.user.id)))) throw new ForbiddenError()
}

export const assertCompanyOwner =
  (table: CompanyTable): CollectionBeforeChangeHook =>
  async ({ data, operation, originalDoc, req }) => {
    if (operation === 'update' && originalDoc) await assertOwner(req, table, Number(originalDoc.id))
    return data
  }

export const assertCompanyOwnerOnDelete =
  (table: CompanyTable): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    await assertOwner(req, table, Number(id))
  }
