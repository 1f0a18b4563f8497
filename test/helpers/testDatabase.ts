import { randomBytes } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { databaseUrl, withClient } from '../../src/lib/db/pgClient.ts'

/** Set by globalSetup for every worker: the test server and the migrated template database. */
export const TEST_SERVER_ENV = 'PLATFORM_TEST_SERVER_URL'
export const TEST_TEMPLATE_ENV = 'PLATFORM_TEST_TEMPLATE_DB'

export { databaseUrl, withClient }

/** A fresh database for one test file, copied from the migrated template (much faster than migrating). */
export async function cloneTemplateDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const serverUrl = process.env[TEST_SERVER_ENV]
  const template = process.env[TEST_TEMPLATE_ENV]
  if (!serverUrl || !template) throw new Error('test database not prepared: run the suite with `npm test`')
  const name = `platform_t_${randomBytes(5).toString('hex')}`
  await withClient(serverUrl, async (client) => {
    // Two workers cloning the same template at the same instant can collide; the second simply retries.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(template)}`)
        return
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error
        await sleep(100 * attempt)
      }
    }
  })
  return {
    name,
    url: databaseUrl(serverUrl, name),
    drop: () =>
      withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`)).then(
        () => undefined,
      ),
  }
}
