import type { PayloadRequest } from 'payload'
import { subtractUsage } from './storageRecords.ts'

/** Gives back the bytes of a deleted upload, in the transaction that deletes it. */
export async function releaseStorage(req: PayloadRequest, userId: number, bytes: number): Promise<void> {
  await subtractUsage(req, userId, bytes)
}
