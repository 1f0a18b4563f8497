import { TEST_SERVER_ENV, TEST_TEMPLATE_ENV, withClient } from './testDatabase.ts'

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env[TEST_SERVER_ENV]
  const template = process.env[TEST_TEMPLATE_ENV]
  // globalSetup drops and re-migrates the template on every run, so keeping it would save nothing.
  if (serverUrl && template) {
    await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(template)} WITH (FORCE)`))
  }
  await globalThis.__platformTestPostgres?.stop()
}
