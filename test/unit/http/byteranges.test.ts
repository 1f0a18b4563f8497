import { Readable } from 'node:stream'
import { byterangesBody } from '../../../src/http/byteranges.ts'

const bytes = Buffer.from('0123456789abcdefghij')
const blob = {
  size: bytes.length,
  modified: new Date(0),
  read: async (range?: { start: number; end: number }) => Readable.from([range ? bytes.subarray(range.start, range.end + 1) : bytes]),
}

it('builds a multipart/byteranges body whose length is known before it is streamed', async () => {
  const body = byterangesBody(
    blob,
    [
      { start: 0, end: 2 },
      { start: 10, end: 12 },
    ],
    { boundary: 'B', mimeType: 'text/plain' },
  )
  const chunks: Buffer[] = []
  for await (const chunk of body.stream()) chunks.push(Buffer.from(chunk as Buffer))
  const text = Buffer.concat(chunks).toString()
  expect(text).toBe(
    '--B\r\nContent-Type: text/plain\r\nContent-Range: bytes 0-2/20\r\n\r\n012' +
      '\r\n--B\r\nContent-Type: text/plain\r\nContent-Range: bytes 10-12/20\r\n\r\nabc' +
      '\r\n--B--\r\n',
  )
  expect(body.length).toBe(Buffer.byteLength(text))
})
