import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { firstRow } from '../../lib/db/sql.ts'
import { txDb } from '../../lib/transaction.ts'
import type { CompanyType } from './statuses.ts'

/**
 * Reads and the few raw writes of `startups` and `investors` (profiles themselves are written through
 * the Local API, so the collections' validators and hooks run).
 */

export type CompanyTable = 'startups' | 'investors'

export const tableOf = (type: CompanyType): CompanyTable => (type === 'startup' ? 'startups' : 'investors')
const rels = (table: CompanyTable) => sql.raw(`${table}_rels`)

/** The id of the company whose name matches case-insensitively (other than `exceptId`), if any. */
export async function companyIdByName(
  req: PayloadRequest,
  table: CompanyTable,
  name: string,
  exceptId?: number,
): Promise<number | undefined> {
  const db = await txDb(req)
  const row = firstRow<{ id: number }>(
    await db.execute(sql`SELECT id FROM ${sql.raw(table)} WHERE lower(company_name) = lower(${name.trim()}) AND id <> ${exceptId ?? 0}`),
  )
  return row?.id
}

export async function companyExists(req: PayloadRequest, table: CompanyTable, id: number): Promise<boolean> {
  const db = await txDb(req)
  return (await db.execute(sql`SELECT 1 FROM ${sql.raw(table)} WHERE id = ${id}`)).rows.length > 0
}

export async function isCompanyOwner(req: PayloadRequest, table: CompanyTable, companyId: number, userId: number): Promise<boolean> {
  const db = await txDb(req)
  const found = await db.execute(
    sql`SELECT 1 FROM ${rels(table)} WHERE parent_id = ${companyId} AND path = 'owners' AND users_id = ${userId}`,
  )
  return found.rows.length > 0
}

/**
 * The company of that name, created (with an empty description its owners fill in later) if there is
 * none. The unique index on lower(company_name) decides between parallel binders: the loser reads the
 * winner's row.
 */
export async function findOrCreateCompany(
  req: PayloadRequest,
  table: CompanyTable,
  name: string,
): Promise<{ id: number; company_name: string; created: boolean }> {
  const db = await txDb(req)
  const inserted = firstRow<{ id: number; company_name: string }>(
    await db.execute(sql`
      INSERT INTO ${sql.raw(table)} (company_name, description, updated_at, created_at) VALUES (${name.trim()}, '', now(), now())
      ON CONFLICT ((lower(company_name))) DO NOTHING RETURNING id, company_name`),
  )
  if (inserted) return { ...inserted, created: true }
  const existing = firstRow<{ id: number; company_name: string }>(
    await db.execute(sql`SELECT id, company_name FROM ${sql.raw(table)} WHERE lower(company_name) = lower(${name.trim()})`),
  )
  if (!existing) throw new Error(`findOrCreateCompany: ${table} "${name}" neither inserted nor found`)
  return { ...existing, created: false }
}

/** Adds the user to the company's owners (no-op if they are one). */
export async function addCompanyOwner(req: PayloadRequest, table: CompanyTable, companyId: number, userId: number): Promise<void> {
  const db = await txDb(req)
  await db.execute(sql`
    INSERT INTO ${rels(table)} ("order", parent_id, path, users_id)
    SELECT COALESCE(MAX(r."order"), 0) + 1, ${companyId}, 'owners', ${userId} FROM ${rels(table)} r
    WHERE r.parent_id = ${companyId} AND r.path = 'owners'
    HAVING NOT EXISTS (SELECT 1 FROM ${rels(table)} x WHERE x.parent_id = ${companyId} AND x.path = 'owners' AND x.users_id = ${userId})`)
}

/** Ids of the companies of this kind the user owns. */
export async function companiesOwnedBy(req: PayloadRequest, table: CompanyTable, userId: number): Promise<number[]> {
  const db = await txDb(req)
  const result = await db.execute(
    sql`SELECT parent_id AS id FROM ${rels(table)} WHERE path = 'owners' AND users_id = ${userId} ORDER BY parent_id`,
  )
  return (result.rows as { id: number }[]).map((row) => Number(row.id))
}

/** User ids of the company's owners. */
export async function companyOwnerIds(req: PayloadRequest, table: CompanyTable, companyId: number): Promise<number[]> {
  const db = await txDb(req)
  const result = await db.execute(
    sql`SELECT users_id AS id FROM ${rels(table)} WHERE parent_id = ${companyId} AND path = 'owners' AND users_id IS NOT NULL`,
  )
  return (result.rows as { id: number }[]).map((row) => Number(row.id))
}
