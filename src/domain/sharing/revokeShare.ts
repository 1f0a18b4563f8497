import type { PayloadRequest, TypedUser } from 'payload'
import { isStaffMember } from '../../access/isStaffMember.ts'
import { NotFoundError } from '../../lib/errors.ts'
import { revokeShareRow } from './shareRecords.ts'

/** Ends a share at once: its link answers 410 from the next request. Its owner (or staff) only; 404 otherwise. */
export async function revokeShare(req: PayloadRequest, user: TypedUser, shareId: number): Promise<void> {
  const revoked = await revokeShareRow(req, shareId, isStaffMember(user) ? null : Number(user.id))
  if (!revoked) throw new NotFoundError('Share not found.')
}
