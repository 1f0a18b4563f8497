import fs from 'node:fs'
import path from 'node:path'
import { latestSnapshot, pendingSchemaChanges } from '../../src/lib/db/pendingSchemaChanges.ts'
import { poolOf } from '../../src/lib/db/pool.ts'
import { startTestApp, type TestApp } from '../helpers/app.ts'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.stop())

const migrationDir = () => (app.payload.db as unknown as { migrationDir: string }).migrationDir

describe('migrations', () => {
  it('describe the collections exactly: `migrate:create` would find nothing to write', async () => {
    expect(await pendingSchemaChanges(app.payload)).toEqual([])
  })

  it('would be detected if a collection changed without a migration', async () => {
    const snapshot = structuredClone(latestSnapshot(migrationDir())) as { tables: Record<string, unknown>; version: string }
    delete snapshot.tables['public.outbox']
    const changes = await pendingSchemaChanges(app.payload, snapshot)
    expect(changes.join('\n')).toContain('CREATE TABLE "outbox"')
  })

  it('have all been applied to the database, in order, by the startup migrator', async () => {
    const files = fs
      .readdirSync(migrationDir())
      .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
      .map((file) => path.basename(file, '.ts'))
      .sort()
    const { rows } = await poolOf(app.payload).query<{ name: string }>('SELECT name FROM payload_migrations ORDER BY name')
    expect(rows.map((row) => row.name)).toEqual(files)
  })

  it('never push the schema outside migrations', () => {
    expect((app.payload.db as unknown as { push: boolean }).push).toBe(false)
  })
})
