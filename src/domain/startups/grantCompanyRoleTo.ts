import type { PayloadRequest } from 'payload'
import { grantRole } from '../auth/userRecords.ts'

/** Each owner of a company gets the company's role. */
export async function grantCompanyRoleTo(req: PayloadRequest, userIds: number[], role: 'startup' | 'investor'): Promise<void> {
  for (const userId of userIds) if (Number.isInteger(userId) && userId > 0) await grantRole(req, userId, role)
}
