import { randomBytes } from 'node:crypto'
import { PassThrough, type Readable } from 'node:stream'
import type { StoredBlob } from '../domain/storage/blobs.ts'

export const multipartBoundary = (): string => `byteranges_${randomBytes(12).toString('hex')}`

/**
 * A multipart/byteranges body (RFC 9110 section 14.6): each range as a part with its own Content-Type
 * and Content-Range. Its exact length is known up front, and the parts are streamed one after another.
 */
export function byterangesBody(
  blob: StoredBlob,
  ranges: { start: number; end: number }[],
  { boundary, mimeType }: { boundary: string; mimeType: string },
): { length: number; stream(): Readable } {
  const heads = ranges.map(
    ({ start, end }, index) =>
      `${index === 0 ? '' : '\r\n'}--${boundary}\r\nContent-Type: ${mimeType}\r\nContent-Range: bytes ${start}-${end}/${blob.size}\r\n\r\n`,
  )
  const tail = `\r\n--${boundary}--\r\n`
  const length =
    heads.reduce((sum, head) => sum + Buffer.byteLength(head), 0) +
    ranges.reduce((sum, { start, end }) => sum + end - start + 1, 0) +
    Buffer.byteLength(tail)
  return {
    length,
    stream() {
      const out = new PassThrough()
      void (async () => {
        for (const [index, range] of ranges.entries()) {
          out.write(heads[index])
          for await (const chunk of await blob.read(range))
            if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve))
        }
        out.end(tail)
      })().catch((error: Error) => out.destroy(error))
      return out
    },
  }
}
