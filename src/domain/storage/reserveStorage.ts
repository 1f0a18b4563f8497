import type { PayloadRequest } from 'payload'
import { config } from '../../lib/config.ts'
import { PayloadTooLargeError } from '../../lib/errors.ts'
import { addUsage, usageOf } from './storageRecords.ts'

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`

/**
 * Counts an upload of `bytes` against the user's USER_STORAGE_QUOTA_BYTES in req's transaction (so it
 * is undone if the upload is). 413 with what is left when it does not fit.
 */
export async function reserveStorage(req: PayloadRequest, userId: number, bytes: number): Promise<void> {
  const quota = config.USER_STORAGE_QUOTA_BYTES
  if ((await addUsage(req, userId, bytes, quota)) !== null) return
  const used = await usageOf(req, userId)
  throw new PayloadTooLargeError(
    `Storage quota exceeded: this upload needs ${mb(bytes)} but only ${mb(Math.max(0, quota - used))} of your ${mb(quota)} are free. Delete some media or files first.`,
  )
}
