import fs from 'node:fs'
import path from 'node:path'
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

type DrizzleSnapshot = { version: string; [key: string]: unknown }

/**
 * SQL that `payload migrate:create` would write now: the difference between the collections' schema and
 * the newest migration snapshot in migrations/. Empty when the migrations describe the collections.
 */
export async function pendingSchemaChanges(payload: Payload, snapshot?: DrizzleSnapshot): Promise<string[]> {
  const adapter = payload.db as unknown as PostgresAdapter
  const { generateDrizzleJson, generateMigration, upSnapshot } = adapter.requireDrizzleKit()
  const current = await generateDrizzleJson(adapter.schema)
  let before = snapshot ?? latestSnapshot(adapter.migrationDir)
  if (upSnapshot && Number(before.version) < Number(current.version)) before = upSnapshot(before) as DrizzleSnapshot
  return generateMigration(before as never, current)
}

export function latestSnapshot(migrationDir: string): DrizzleSnapshot {
  const newest = fs
    .readdirSync(migrationDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .at(-1)
  if (!newest) throw new Error(`no migration snapshot in ${migrationDir}`)
  return JSON.parse(fs.readFileSync(path.join(migrationDir, newest), 'utf8')) as DrizzleSnapshot
}
