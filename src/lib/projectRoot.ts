import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The directory holding the platform's package.json, found by walking up (works from src/ and from dist/). */
function findProjectRoot(): { root: string; version: string } {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json')
    if (!existsSync(file)) continue
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string }
    if (pkg.name === 'platform') return { root: dir, version: pkg.version ?? '0.0.0' }
  }
  throw new Error('package.json of the platform not found above ' + fileURLToPath(import.meta.url))
}

const found = findProjectRoot()
export const projectRoot = found.root
export const version = found.version
