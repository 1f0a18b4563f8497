import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { commitTransaction, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

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
  const id = await req.transactionID
  return (id !== undefined && id !== null && adapterOf(req.payload).sessions[id]?.db) || rootDb(req.payload)
}

/** A drizzle handle: in a request's transaction (txDb) or outside any (rootDb). */
export type Db = Awaited<ReturnType<typeof txDb>>

/** Drizzle handle outside any transaction, for reads made before there is a request (authentication). */
export function rootDb(payload: Payload) {
  return adapterOf(payload).drizzle
}

// cast: payload.db is typed as the generic adapter
const adapterOf = (payload: Payload) => payload.db as unknown as PostgresAdapter
