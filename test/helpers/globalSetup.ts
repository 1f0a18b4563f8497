import { spawn } from 'node:child_process'
import path from 'node:path'
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/lib/db/embeddedPostgres.ts'
import { TEST_SERVER_ENV, TEST_TEMPLATE_ENV, databaseUrl, withClient } from './testDatabase.ts'

declare global {
  var __platformTestPostgres: EmbeddedPostgres | undefined
}

/**
 * Once per `npm test`: one PostgreSQL (embedded under .data/test-pg, or TEST_DATABASE_URL's server) and
 * a template database migrated with the real migrate command. Each test file clones the template.
 */
export default async function globalSetup(): Promise<void> {
  const external = process.env.TEST_DATABASE_URL
  const embedded = external ? undefined : await startEmbeddedPostgres(path.resolve('.data', 'test-pg'), () => undefined)
  globalThis.__platformTestPostgres = embedded
  const serverUrl = databaseUrl(external ?? embedded!.url, 'postgres')
  const template = external ? `platform_tpl_${process.pid}` : 'platform_template'
  await withClient(serverUrl, async (client) => {
    if (embedded) await dropLeftoverTestDatabases(client)
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(template)} WITH (FORCE)`)
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(template)}`)
  })
  await migrate(databaseUrl(serverUrl, template))
  process.env[TEST_SERVER_ENV] = serverUrl
  process.env[TEST_TEMPLATE_ENV] = template
}

/** Databases of earlier runs that were interrupted before they could drop them. */
async function dropLeftoverTestDatabases(client: import('pg').Client): Promise<void> {
  const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'platform_t\\_%'`)
  for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`)
}

function migrate(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'src/bin/migrate.ts'], {
      env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'test', LOG_LEVEL: 'warn', NODE_OPTIONS: '' },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`migrating the template database failed (exit ${code})`))))
  })
}
