import { randomUUID } from 'node:crypto'
import path from 'node:path'

/** An upload as it arrived: streamed to a temporary file, with the client's name for it. */
export type ReceivedFile = { tempFilePath: string; originalName: string; size: number }

/**
 * The name an upload is stored under: a random UUID (spec 003's "uuid.mp4"), so stored names never
 * collide or reveal the original, with the detected extension (or the original one, sanitised).
 */
export function storedFilename(originalName: string, detectedExt: string | null): string {
  const original = path.extname(originalName).slice(1).toLowerCase()
  const ext = detectedExt ?? (/^[a-z0-9]{1,10}$/.test(original) ? original : '')
  return ext ? `${randomUUID()}.${ext}` : randomUUID()
}

/** The client's file name without any path, control characters trimmed, at most 255 characters. */
export function cleanOriginalName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim()
  return (cleaned || 'upload').slice(0, 255)
}
