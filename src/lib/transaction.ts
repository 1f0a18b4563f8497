import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

/** Runs fn in req's transaction. Only the call that opened the transaction commits or rolls it back. */
export async function withTransaction<T>(req: PayloadRequest, fn: () => Promise<T>): Promise<T> {
  const owner = await initTransaction(req)
  try {
    const result = await fn()
    if (owner) await commitTransaction(req)
    return result
  } catch (error) {
    if (owner) await killTransaction(req)
    throw error
  }
}

/** Drizzle handle in req's transaction, for the few statements the Local API cannot express. */
export async function txDb(req: PayloadRequest) {
  // cast: payload.db is typed as the generic adapter
  const adapter = req.payload.db as unknown as PostgresAdapter
  const id = await req.transactionID
  return (id !== undefined && id !== null && adapter.sessions[id]?.db) || adapter.drizzle
}
