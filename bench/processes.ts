import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { pathToFileURL } from 'node:url'

/** The `--import` argument that lets a plain `node` child run a bench/*.ts file (tsx's loader). */
export function tsxLoader(root: string): string {
  return pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href
}

/** Resolves once `url` answers 2xx (a child server has started); throws after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (
      await fetch(url).then(
        (res) => res.ok,
        () => false,
      )
    )
      return
    await sleep(100)
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`)
}
