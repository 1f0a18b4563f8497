import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type CrmDeliveryRequest = { headers: http.IncomingHttpHeaders; raw: string; bookingId: number; answered: number }

/**
 * A stand-in for an external CRM speaking spec 004's POST /api/notify: it records every request with its
 * raw body, and answers 503 to the first `failures` requests of a booking set with failFor().
 */
export async function startFakeCrm() {
  const requests: CrmDeliveryRequest[] = []
  const failuresLeft = new Map<number, number>()
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      const bookingId = Number((JSON.parse(raw) as { booking_id?: number }).booking_id)
      const left = failuresLeft.get(bookingId) ?? 0
      const answered = req.url === '/api/notify' && left === 0 ? 200 : 503
      if (left > 0) failuresLeft.set(bookingId, left - 1)
      requests.push({ headers: req.headers, raw, bookingId, answered })
      res.writeHead(answered, { 'content-type': 'application/json' })
      res.end(JSON.stringify(answered === 200 ? { status: 'success' } : { error: 'temporarily unavailable' }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failFor(bookingId: number, times: number) {
      failuresLeft.set(bookingId, times)
    },
    requestsFor: (bookingId: number) => requests.filter((request) => request.bookingId === bookingId),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export type FakeCrm = Awaited<ReturnType<typeof startFakeCrm>>
