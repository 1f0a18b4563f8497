import http from 'node:http'
import { openAsBlob } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ffmpegPath, run } from '../../src/integrations/ffmpeg/binaries.ts'
import type { ApiResponse, Json } from './api.ts'
import type { TestApp } from './app.ts'

/** A scratch folder for the files a test makes (clips, documents), removed by `cleanup`. */
export async function scratchDir(): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'content-test-'))
  return { dir, cleanup: () => fs.rm(dir, { recursive: true, force: true }) }
}

/** A one-second test clip made by ffmpeg from its lavfi sources (test pattern + 440 Hz tone), 320x240. */
export async function makeClip(dir: string, name = 'clip.mp4', { seconds = 1, video = true } = {}): Promise<string> {
  const file = path.join(dir, name)
  const picture = video ? ['-f', 'lavfi', '-i', `testsrc=duration=${seconds}:size=320x240:rate=25`] : []
  const codecs = video ? ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac'] : ['-c:a', 'libmp3lame']
  await run(ffmpegPath, [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    ...picture,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:duration=${seconds}`,
    ...codecs,
    '-shortest',
    file,
  ])
  return file
}

/** A 1x1 PNG. */
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
)

export type UploadOptions = { token?: string; filename?: string; contentType?: string; fields?: Record<string, string>; field?: string }

/** POSTs a multipart form with one file (read from disk as a Blob, not into a string) and text fields. */
export async function uploadForm(app: TestApp, route: string, file: string | Buffer, options: UploadOptions = {}): Promise<ApiResponse> {
  const form = new FormData()
  for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value)
  const blob =
    typeof file === 'string'
      ? await openAsBlob(file, { type: options.contentType })
      : new Blob([new Uint8Array(file)], { type: options.contentType })
  form.append(options.field ?? 'file', blob, options.filename ?? (typeof file === 'string' ? path.basename(file) : 'upload.bin'))
  const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {}
  const response = await fetch(new URL(route, app.url), { method: 'POST', body: form, headers })
  const text = await response.text()
  let body: Json
  try {
    body = JSON.parse(text) as Json
  } catch {
    body = {} as Json
  }
  return { status: response.status, headers: response.headers, body, text }
}

/** GETs raw bytes (streams, downloads) with the given headers. */
export async function getBytes(app: TestApp, route: string, headers: Record<string, string> = {}, token?: string) {
  const response = await fetch(new URL(route, app.url), { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } })
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) }
}

/**
 * POSTs an upload the raw way, to see what the server does with the body: `declaredLength` is sent as
 * Content-Length with no body at all, or (without it) the body is streamed chunked, as fast as the
 * socket takes it, up to `totalBytes`. Resolves with the status and body of the answer and how many
 * bytes had been written when it came.
 */
export function rawUpload(
  app: TestApp,
  route: string,
  { token, declaredLength, totalBytes = 0 }: { token: string; declaredLength?: number; totalBytes?: number },
): Promise<{ status: number; body: Json; written: number }> {
  const boundary = 'rawuploadboundary'
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  )
  const chunk = Buffer.alloc(64 * 1024, 7)
  return new Promise((resolve, reject) => {
    let written = 0
    let answered = false
    const headers: Record<string, string | number> = {
      authorization: `Bearer ${token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    }
    if (declaredLength !== undefined) headers['content-length'] = declaredLength
    const request = http.request(new URL(route, app.url), { method: 'POST', headers })
    request.on('response', (response) => {
      answered = true
      const parts: Buffer[] = []
      response.on('data', (part: Buffer) => parts.push(part))
      response.on('end', () => {
        request.destroy()
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString() || '{}') as Json, written })
      })
    })
    request.on('error', (error) => (answered ? undefined : reject(error)))
    if (declaredLength !== undefined) return void request.flushHeaders()
    const pump = () => {
      while (!answered && written < totalBytes) {
        const ok = request.write(written === 0 ? head : chunk)
        written += written === 0 ? head.length : chunk.length
        if (!ok) return void request.once('drain', pump)
      }
      if (!answered) request.end()
    }
    pump()
  })
}
