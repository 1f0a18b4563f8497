import http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A local S3 for the tests: path-style PutObject, GetObject (with a single Range), HeadObject and
 * DeleteObject, objects kept in memory. Signatures are not checked; aws-chunked bodies (the SDK's
 * streaming uploads with trailing checksums) are decoded.
 */
export async function startFakeS3(): Promise<{
  url: string
  objects: Map<string, { body: Buffer; type: string }>
  close(): Promise<void>
}> {
  const objects = new Map<string, { body: Buffer; type: string }>()
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://s3.local')
    const key = decodeURIComponent(url.pathname.slice(1))
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks)
    if (req.method === 'PUT') {
      const chunked =
        String(req.headers['content-encoding'] ?? '').includes('aws-chunked') ||
        String(req.headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-')
      objects.set(key, {
        body: chunked ? decodeAwsChunked(raw) : raw,
        type: String(req.headers['content-type'] ?? 'application/octet-stream'),
      })
      res.writeHead(200, { etag: '"fake"' }).end()
      return
    }
    const object = objects.get(key)
    if (req.method === 'DELETE') {
      objects.delete(key)
      return void res.writeHead(204).end()
    }
    if (!object) return void res.writeHead(404, { 'content-type': 'application/xml' }).end('<Error><Code>NoSuchKey</Code></Error>')
    const headers = { 'content-type': object.type, 'last-modified': new Date(0).toUTCString(), etag: '"fake"', 'accept-ranges': 'bytes' }
    const range = /^bytes=(\d+)-(\d+)$/.exec(String(req.headers.range ?? ''))
    if (req.method === 'HEAD') return void res.writeHead(200, { ...headers, 'content-length': object.body.length }).end()
    if (!range) return void res.writeHead(200, { ...headers, 'content-length': object.body.length }).end(object.body)
    const [start, end] = [Number(range[1]), Math.min(Number(range[2]), object.body.length - 1)]
    res.writeHead(206, { ...headers, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${object.body.length}` })
    res.end(object.body.subarray(start, end + 1))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, objects, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

/** `<hex size>[;chunk-signature=...]\r\n<data>\r\n ... 0\r\n<trailers>\r\n\r\n` -> data. */
function decodeAwsChunked(raw: Buffer): Buffer {
  const parts: Buffer[] = []
  let offset = 0
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', offset)
    const size = parseInt(raw.subarray(offset, lineEnd).toString().split(';')[0], 16)
    if (!size) return Buffer.concat(parts)
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size))
    offset = lineEnd + 2 + size + 2
  }
}
