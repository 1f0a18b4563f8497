import net from 'node:net'
import { startTestApp, type TestApp } from '../helpers/app.ts'
import { makeUser } from '../helpers/factories.ts'
import { captureLogs, type LogLine } from '../helpers/logCapture.ts'
import { waitUntil } from '../helpers/wait.ts'

let app: TestApp
let logs: { lines: LogLine[]; stop(): void }
beforeAll(async () => {
  app = await startTestApp({ env: { LOG_LEVEL: 'info' } })
  logs = await captureLogs()
})
afterAll(async () => {
  logs.stop()
  await app.stop()
})

/** Sends `head` + `body` on a raw socket, then hangs up (after the first response byte when `readFirst`). */
async function sendAndHangUp(head: string, body: string, { readFirst = false } = {}): Promise<void> {
  const { port } = new URL(app.url)
  const socket = net.connect(Number(port), '127.0.0.1')
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject))
  socket.write(head + body)
  if (readFirst) await new Promise((resolve) => socket.once('data', resolve))
  else await new Promise((resolve) => setTimeout(resolve, 50)) // the server has read the partial body
  socket.destroy()
}

const request = (method: string, path: string, reqId: string, contentLength: number) =>
  `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: ${reqId}\r\nContent-Type: application/json\r\nContent-Length: ${contentLength}\r\n\r\n`

const linesOf = (reqId: string) => logs.lines.filter((line) => line.reqId === reqId)

async function expectOneAbortedLine(reqId: string, accessLine: string): Promise<void> {
  await waitUntil(() => linesOf(reqId).some((line) => line.msg === accessLine))
  // Whatever the server still does with the request afterwards (an error handler, a late write) adds nothing.
  await new Promise((resolve) => setTimeout(resolve, 300))
  const lines = linesOf(reqId)
  expect(lines.filter((line) => line.msg === accessLine)).toEqual([expect.objectContaining({ level: 30 })])
  expect(lines.filter((line) => line.level >= 50)).toEqual([])
  expect(lines.filter((line) => /aborted/.test(line.msg))).toHaveLength(1)
}

describe('requests aborted by the client', () => {
  it('logs a request cut off mid-body once, at info, as aborted (no error line)', async () => {
    const body = '{"email":"someone@example.com","pass'
    await sendAndHangUp(request('POST', '/api/v1/auth/login', 'abort-mid-body', 200), body)
    await expectOneAbortedLine('abort-mid-body', 'POST /api/v1/auth/login aborted')
  })

  it('logs a request to a Payload route cut off mid-body the same way', async () => {
    await sendAndHangUp(request('POST', '/api/users/login', 'abort-payload-body', 200), '{"email":"a@example.com"')
    await expectOneAbortedLine('abort-payload-body', 'POST /api/users/login aborted')
  })

  it('logs a request whose client hangs up before the answer once, at info, as aborted', async () => {
    const { email, password } = await makeUser(app)
    const body = JSON.stringify({ email, password })
    // The password check takes milliseconds: the client is gone before the response is written.
    const { port } = new URL(app.url)
    const socket = net.connect(Number(port), '127.0.0.1')
    await new Promise<void>((resolve) => socket.once('connect', resolve))
    socket.end(request('POST', '/api/v1/auth/login', 'abort-before-answer', Buffer.byteLength(body)) + body)
    socket.destroy()
    await expectOneAbortedLine('abort-before-answer', 'POST /api/v1/auth/login aborted')
  })

  it('logs a response cut off mid-way once, at info, as aborted', async () => {
    // The OpenAPI document is large enough that the client can leave after its first bytes.
    const { port } = new URL(app.url)
    const socket = net.connect(Number(port), '127.0.0.1')
    await new Promise<void>((resolve) => socket.once('connect', resolve))
    socket.setNoDelay(true)
    socket.pause()
    socket.write(`GET /api/openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: abort-mid-response\r\n\r\n`)
    await waitUntil(() => socket.readableLength > 0 || null, { everyMs: 10 }).catch(() => undefined)
    socket.destroy()
    await waitUntil(() => linesOf('abort-mid-response').length > 0)
    const lines = linesOf('abort-mid-response')
    expect(lines.filter((line) => line.level >= 50)).toEqual([])
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ level: 30 })
  })
})
