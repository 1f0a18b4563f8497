import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { isStaffMember } from '../../access/isStaffMember.ts'
import { ForbiddenError } from '../../lib/errors.ts'
import { firstRow } from '../../lib/db/sql.ts'
import { txDb } from '../../lib/transaction.ts'
import { companyExists, isCompanyOwner } from './companyRecords.ts'

/** Staff and requests without a user (the system) manage everything. */
const unrestricted = (req: PayloadRequest) => !req.user || isStaffMember(req.user)

/** 403 unless req's user owns the startup (an unknown startup is the validator's to report). */
export async function assertOwnsStartup(req: PayloadRequest, startupId: number): Promise<void> {
  if (unrestricted(req) || !req.user) return
  if (!(await companyExists(req, 'startups', startupId))) return
  if (!(await isCompanyOwner(req, 'startups', startupId, Number(req.user.id)))) throw new ForbiddenError()
}

/** The startup a project belongs to, if the project exists. */
export async function startupOfProject(req: PayloadRequest, projectId: number): Promise<number | undefined> {
  const db = await txDb(req)
  const row = firstRow<{ startup_id: number | null }>(await db.execute(sql`SELECT startup_id FROM projects WHERE id = ${projectId}`))
  return row?.startup_id ?? undefined
}

/** 403 unless req's user owns the project's startup. */
export async function assertManagesProject(req: PayloadRequest, projectId: number): Promise<void> {
  if (unrestricted(req) || !req.user) return
  const startupId = await startupOfProject(req, projectId)
  if (!startupId || !(await isCompanyOwner(req, 'startups', startupId, Number(req.user.id)))) throw new ForbiddenError()
}

/** Whether req's user owns the project's startup or is staff (what followers' emails are shown to). */
export async function managesProject(req: PayloadRequest, projectId: number): Promise<boolean> {
  if (!req.user) return false
  if (isStaffMember(req.user)) return true
  const startupId = await startupOfProject(req, projectId)
  return Boolean(startupId && (await isCompanyOwner(req, 'startups', startupId, Number(req.user.id))))
}
