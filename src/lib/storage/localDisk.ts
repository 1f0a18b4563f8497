import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'

/** A file under `dir`, refusing names that would leave it. */
export function localPath(dir: string, filename: string): string {
  const resolved = path.resolve(dir, filename)
  if (path.dirname(resolved) !== path.resolve(dir)) throw new Error(`unsafe stored filename "${filename}"`)
  return resolved
}

export async function statLocal(file: string): Promise<{ size: number; modified: Date }> {
  const stat = await fs.stat(file)
  return { size: stat.size, modified: stat.mtime }
}

/** Bytes `start`..`end` (inclusive) of a local file, read in 256 KiB chunks (sequential reads of large media). */
export function readLocal(file: string, range?: { start: number; end: number }): Readable {
  return createReadStream(file, { ...range, highWaterMark: 256 * 1024 })
}
