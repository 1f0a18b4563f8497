import { spawn } from 'node:child_process'
import { resolveDatabase } from '../lib/db/resolveDatabase.ts'

/**
 * `tsx src/bin/withDatabase.ts <command...>` runs a command (the Payload CLI, psql) against the
 * platform's database: DATABASE_URL when set, else the embedded server, started for the command's duration.
 */
const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.error('usage: withDatabase <command> [args...]')
  process.exit(2)
}
const database = await resolveDatabase((message) => console.error(message))
const child = spawn(command, args, { stdio: 'inherit' })
const forward = (signal: NodeJS.Signals) => child.kill(signal)
process.on('SIGINT', forward)
process.on('SIGTERM', forward)
const code: number = await new Promise((resolve) => child.on('close', (exitCode) => resolve(exitCode ?? 1)))
await database.stop()
process.exit(code)
