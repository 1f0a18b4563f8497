import { sql } from '@payloadcms/db-postgres'
import type { CollectionSlug, DataFromCollectionSlug, PayloadRequest } from 'payload'
import { txDb } from '../transaction.ts'

/**
 * One skip/limit page (spec 003) of a user's documents, newest first, as Payload documents. Payload pages
 * by page number only, so the page's ids come from one indexed query and the documents from the Local API
 * (with the collection's access, for `req`'s user).
 */
export async function offsetPage<S extends CollectionSlug>(
  req: PayloadRequest,
  collection: S,
  { table, ownerId, offset, limit }: { table: string; ownerId: number; offset: number; limit: number },
): Promise<DataFromCollectionSlug<S>[]> {
  const db = await txDb(req)
  const result = await db.execute(sql`
    SELECT id FROM ${sql.identifier(table)} WHERE user_id = ${ownerId} ORDER BY created_at DESC, id DESC LIMIT ${limit} OFFSET ${offset}`)
  const ids = (result.rows as { id: number }[]).map((row) => row.id)
  if (ids.length === 0) return []
  const found = await req.payload.find({ collection, where: { id: { in: ids } }, limit: ids.length, depth: 0, overrideAccess: false, req })
  const byId = new Map(found.docs.map((doc) => [doc.id, doc]))
  return ids.flatMap((id) => byId.get(id) ?? []) as DataFromCollectionSlug<S>[]
}
