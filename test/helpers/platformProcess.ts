import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const root = process.cwd()
const tsxLoader = pathToFileURL(path.join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href

export type PlatformProcess = {
  url: string
  child: ChildProcess
  output(): string
  /** Sends `signal` and resolves with the exit code once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/** `npm run dev`'s entry point as a separate process, started in `cwd` with the given environment. */
export async function startPlatformProcess({ cwd, env }: { cwd: string; env: Record<string, string | undefined> }): Promise<PlatformProcess> {
  const port = await freePort()
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'development', PORT: String(port), NEXT_TELEMETRY_DISABLED: '1', ...env }
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key]
  const child = spawn(process.execPath, ['--conditions=development', '--import', tsxLoader, path.join(root, 'src', 'main.ts')], {
    cwd,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const url = `http://127.0.0.1:${port}`
  await waitForHealthy(url, exited, () => output)
  return {
    url,
    child,
    output: () => output,
    stop: (signal = 'SIGTERM') => {
      child.kill(signal)
      return exited
    },
  }
}

async function waitForHealthy(url: string, exited: Promise<number | null>, output: () => string, timeoutMs = 120_000): Promise<void> {
  let gone = false
  void exited.then(() => (gone = true))
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline && !gone) {
    const ok = await fetch(`${url}/health`).then((res) => res.ok, () => false)
    if (ok && output().includes('Platform is running')) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`platform did not become healthy:\n${output().slice(-4000)}`)
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}
