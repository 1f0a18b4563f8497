import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { freePort } from '../../src/lib/db/embeddedPostgres.ts'
import { waitUntil } from './wait.ts'

const root = process.cwd()
const tsxLoader = pathToFileURL(path.join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href

export type PlatformProcess = {
  url: string
  output(): string
  /** Sends `signal` and resolves with the exit code once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
  /** The exit code, once the process exits by itself. */
  exited: Promise<number | null>
}

type Mode = 'dev' | 'production'
type StartOptions = { cwd: string; env: Record<string, string | undefined>; mode?: Mode }

/** `npm run dev`'s (or, built, `npm start`'s) entry point as a separate process, in `cwd` with `env`. */
export async function startPlatformProcess({ cwd, env, mode = 'dev' }: StartOptions): Promise<PlatformProcess> {
  const port = await freePort()
  const child = spawnPlatform({ cwd, env: { PORT: String(port), ...env }, mode })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const url = `http://127.0.0.1:${port}`
  await waitForHealthy(url, exited, () => output)
  return {
    url,
    output: () => output,
    exited,
    stop: (signal = 'SIGTERM') => {
      child.kill(signal)
      return exited
    },
  }
}

/** Spawns the platform's entry point exactly as the npm scripts do. */
export function spawnPlatform({ cwd, env, mode = 'dev' }: StartOptions): ChildProcess {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: '',
    NODE_ENV: mode === 'dev' ? 'development' : 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: 'info',
    ...env,
  }
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key]
  const args =
    mode === 'dev'
      ? ['--conditions=development', '--import', tsxLoader, path.join(root, 'src', 'main.ts')]
      : ['--conditions=production', path.join(root, 'dist', 'src', 'main.js')]
  return spawn(process.execPath, args, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Output and exit code of a platform process that is expected to stop by itself. */
export function runToExit(child: ChildProcess): Promise<{ code: number | null; output: string }> {
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })))
}

/** `npm run <script>` in the project, resolving when it exits 0. */
export function runNpmScript(script: string): Promise<string> {
  const child = spawn('npm', ['run', script], { cwd: root, env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] })
  return runToExit(child).then(({ code, output }) => {
    if (code !== 0) throw new Error(`npm run ${script} failed (${code}):\n${output.slice(-4000)}`)
    return output
  })
}

async function waitForHealthy(url: string, exited: Promise<number | null>, output: () => string, timeoutMs = 120_000): Promise<void> {
  let gone = false
  void exited.then(() => (gone = true))
  const healthy = async () =>
    (await fetch(`${url}/health`).then(
      (res) => res.ok,
      () => false,
    )) && output().includes('Platform is running')
  const state = await waitUntil(
    async () => {
      if (gone) return 'exited' // an exited process will not become healthy: stop waiting
      return (await healthy()) ? 'healthy' : undefined
    },
    { timeoutMs, everyMs: 250 },
  )
  if (state !== 'healthy') throw new Error(`platform did not become healthy:\n${output().slice(-4000)}`)
}
