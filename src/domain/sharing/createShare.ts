import type { PayloadRequest } from 'payload'
import { newSecretToken } from '../auth/tokenHash.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { insertShare, type ShareRow } from './shareRecords.ts'
import type { SharePermission, ShareResourceType } from './statuses.ts'

export type ShareInput = {
  resourceType: ShareResourceType
  resourceId: number
  ownerId: number
  sharedWithId: number | null
  permission: SharePermission
  /** Null: the link does not expire. */
  expiresInDays: number | null
}

/**
 * Records a share of a resource whose ownership the caller (the collab area) has checked. The token is
 * returned once and stored only as its SHA-256 digest.
 */
export async function createShare(req: PayloadRequest, input: ShareInput): Promise<{ share: ShareRow; token: string }> {
  const { token, hash } = newSecretToken()
  const share = await withTransaction(req, () =>
    insertShare(req, {
      tokenHash: hash,
      resourceType: input.resourceType,
      resourceId: input.resourceId,
      permission: input.permission,
      ownerId: input.ownerId,
      sharedWithId: input.sharedWithId,
      expiresInSeconds: input.expiresInDays === null ? null : Math.round(input.expiresInDays * 86_400),
    }),
  )
  return { share, token }
}
