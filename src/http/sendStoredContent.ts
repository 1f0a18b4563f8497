import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { create as contentDisposition } from 'content-disposition'
import type { Request, Response } from 'express'
import rangeParser from 'range-parser'
import type { StoredContent } from '../domain/storage/storedContent.ts'
import { byterangesBody, multipartBoundary } from './byteranges.ts'

/** More ranges than this in one request are answered with the whole file (RFC 9110 lets a server ignore Range). */
const MAX_RANGES = 16

/**
 * Serves stored bytes with HTTP semantics (RFC 9110): ETag / Last-Modified, 304 for If-None-Match,
 * Accept-Ranges, single ranges as 206 + Content-Range (suffix ranges too), several ranges as
 * multipart/byteranges, 416 with `Content-Range: bytes *\/size` when none is satisfiable, and If-Range
 * (a Range is honoured only while the validator still matches). `attachment` adds a Content-Disposition
 * with the original name (RFC 6266, RFC 5987 filename* for non-ASCII names).
 */
export async function sendStoredContent(req: Request, res: Response, content: StoredContent, { attachment = false } = {}): Promise<void> {
  const { blob, etag, mimeType } = content
  const lastModified = blob.modified.toUTCString()
  res.set({ 'Accept-Ranges': 'bytes', ETag: etag, 'Last-Modified': lastModified, 'Cache-Control': 'private, max-age=0, must-revalidate' })
  if (attachment) res.set('Content-Disposition', contentDisposition(content.downloadName))
  if (notModified(req, etag)) return void res.status(304).end()
  const ranges = wantedRanges(req, blob.size, etag, lastModified)
  if (ranges === 'unsatisfiable') {
    res.status(416).set('Content-Range', `bytes */${blob.size}`).json({ detail: 'Requested range not satisfiable' })
    return
  }
  const head = req.method === 'HEAD'
  if (!ranges) {
    res.status(200).set({ 'Content-Type': mimeType, 'Content-Length': String(blob.size) })
    return head ? void res.end() : streamTo(res, await blob.read())
  }
  if (ranges.length === 1) {
    const [{ start, end }] = ranges
    res
      .status(206)
      .set({ 'Content-Type': mimeType, 'Content-Length': String(end - start + 1), 'Content-Range': `bytes ${start}-${end}/${blob.size}` })
    return head ? void res.end() : streamTo(res, await blob.read({ start, end }))
  }
  const boundary = multipartBoundary()
  const body = byterangesBody(blob, ranges, { boundary, mimeType })
  res.status(206).set({ 'Content-Type': `multipart/byteranges; boundary=${boundary}`, 'Content-Length': String(body.length) })
  return head ? void res.end() : streamTo(res, body.stream())
}

/**
 * Pipes the bytes out. A client that goes away mid-way (a player seeking, a closed tab) is normal for
 * media, not a server error: only a failure while the client is still there is rethrown.
 */
async function streamTo(res: Response, source: Readable): Promise<void> {
  try {
    await pipeline(source, res)
  } catch (error) {
    if (!res.destroyed) throw error
    source.destroy()
  }
}

function notModified(req: Request, etag: string): boolean {
  const header = req.get('if-none-match')
  if (!header || (req.method !== 'GET' && req.method !== 'HEAD')) return false
  return header.trim() === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}

type Range = { start: number; end: number }

/** The ranges to serve: null = the whole file (no Range, a failed If-Range, too many ranges). */
function wantedRanges(req: Request, size: number, etag: string, lastModified: string): Range[] | null | 'unsatisfiable' {
  const header = req.get('range')
  if (!header || (req.method !== 'GET' && req.method !== 'HEAD')) return null
  const ifRange = req.get('if-range')
  // If-Range: an entity tag must match strongly, a date exactly; otherwise the whole (changed) file.
  if (ifRange && (ifRange.includes('"') ? ifRange.trim() !== etag : ifRange.trim() !== lastModified)) return null
  const parsed = rangeParser(size, header, { combine: true })
  if (parsed === -2) return null // malformed: ignored, as RFC 9110 says
  if (parsed === -1 || parsed.type !== 'bytes') return parsed === -1 ? 'unsatisfiable' : null
  return parsed.length > MAX_RANGES ? null : parsed.map(({ start, end }) => ({ start, end }))
}
