import http from 'node:http'
import { performance } from 'node:perf_hooks'
import { io, type Socket } from 'socket.io-client'
import { withClient } from '../src/lib/db/pgClient.ts'
import { seedContention } from './fixtures.ts'

/**
 * The chat scenario of `npm run bench` (issue 18): 1,000 connected socket.io clients, 100 rooms with a
 * sender and a receiver each, every room sending one message a second (100 messages/s in all, spread
 * evenly; BENCH_CHAT_RATE changes it) through POST /api/v1/chat/send. Measured: from the start of the send to the `message:new`
 * on the receiver's socket. Limit: p99 < 50 ms. Needs RATE_LIMIT_CHAT_PER_MINUTE above 60 on the server.
 */
export type ChatBench = {
  sockets: number
  rooms: number
  messages: number
  lost: number
  p50_ms: number
  p95_ms: number
  p99_ms: number
  /** p99 of the send's HTTP response alone: what of the delivery time the request itself takes. */
  send_response_p99_ms: number
  limit_p99_ms: number
  pass: boolean
}

const SOCKETS = 1000
const ROOMS = 100
const SECONDS = 10
/** Messages per second over all rooms (BENCH_CHAT_RATE, default one per room per second). */
const RATE = Number(process.env.BENCH_CHAT_RATE ?? ROOMS)
const LIMIT_P99_MS = 50
const CLIENTS = 20

export async function measureChat(baseUrl: string, databaseUrl: string, jwtSecret: string): Promise<ChatBench> {
  const { tokens, userIds } = await seedUsers(databaseUrl, jwtSecret)
  const roomIds = await seedRooms(databaseUrl, userIds)
  process.stdout.write(`chat: ${SOCKETS} sockets, ${ROOMS} rooms, ${RATE} messages/s for ${SECONDS}s -> platform\n`)
  const sockets = await Promise.all(tokens.map((token) => connect(baseUrl, token)))
  try {
    const sentAt = new Map<string, number>()
    const latencies: number[] = []
    roomIds.forEach((roomId, i) => {
      sockets[2 * i + 1].on('message:new', (message: { room_id: number; message: string }) => {
        const started = sentAt.get(message.message)
        if (message.room_id === roomId && started !== undefined) latencies.push(performance.now() - started)
      })
    })
    const sends: Promise<void>[] = []
    const responses: number[] = []
    const total = RATE * SECONDS
    const gapMs = 1000 / RATE
    const begin = performance.now()
    for (let n = 0; n < total; n++) {
      const wait = begin + n * gapMs - performance.now()
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
      const room = n % ROOMS
      const text = `bench ${n}`
      sentAt.set(text, performance.now())
      const started = performance.now()
      sends.push(send(baseUrl, tokens[2 * room], roomIds[room], text).then(() => void responses.push(performance.now() - started)))
    }
    await Promise.all(sends)
    const deadline = performance.now() + 5000
    while (latencies.length < total && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
    const at = (q: number, values = latencies) => {
      const sorted = [...values].sort((a, b) => a - b)
      return Math.round((sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Infinity) * 10) / 10
    }
    const lost = total - latencies.length
    return {
      sockets: SOCKETS,
      rooms: ROOMS,
      messages: total,
      lost,
      p50_ms: at(0.5),
      p95_ms: at(0.95),
      p99_ms: at(0.99),
      send_response_p99_ms: at(0.99, responses),
      limit_p99_ms: LIMIT_P99_MS,
      pass: lost === 0 && at(0.99) < LIMIT_P99_MS,
    }
  } finally {
    for (const socket of sockets) socket.disconnect()
  }
}

/** The chat section of the bench report. */
export function chatReport(chat: ChatBench): string {
  return (
    `\nchat send -> other participant's socket (${chat.sockets} sockets, ${chat.rooms} rooms, ${chat.messages} messages, ${chat.lost} lost): ` +
    `p50 ${chat.p50_ms} ms, p95 ${chat.p95_ms} ms, p99 ${chat.p99_ms} ms (send response alone p99 ${chat.send_response_p99_ms} ms; limit ${chat.limit_p99_ms} ms: ${chat.pass ? 'ok' : 'OVER LIMIT'}, ` +
    `ratio ${Math.round((chat.p99_ms / chat.limit_p99_ms) * 100) / 100})\n`
  )
}

async function seedUsers(databaseUrl: string, jwtSecret: string) {
  const { tokens } = await seedContention(databaseUrl, jwtSecret, SOCKETS)
  const userIds = tokens.map((token) => Number(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub))
  return { tokens, userIds }
}

/** Rooms of users 2i and 2i+1, written directly: the bench measures delivery, not room creation. */
function seedRooms(databaseUrl: string, userIds: number[]): Promise<number[]> {
  return withClient(databaseUrl, async (client) => {
    const rooms = await client.query<{ id: number }>(
      `INSERT INTO chat_rooms (name, kind, last_seq, delivered_seq, updated_at, created_at)
       SELECT 'bench-' || gen_random_uuid(), 'private', 0, 0, now(), now() FROM generate_series(1, $1) ORDER BY 1 RETURNING id`,
      [ROOMS],
    )
    const ids = rooms.rows.map((row) => row.id).sort((a, b) => a - b)
    await client.query(
      `INSERT INTO chat_rooms_rels ("order", parent_id, path, users_id)
       SELECT p.ord, r.id, 'participants', p.user_id FROM unnest($1::int[], $2::int[], $3::int[]) AS p(room, ord, user_id)
       JOIN chat_rooms r ON r.id = p.room`,
      [ids.flatMap((id) => [id, id]), ids.flatMap(() => [1, 2]), ids.flatMap((_, i) => [userIds[2 * i], userIds[2 * i + 1]])],
    )
    return ids
  })
}

function connect(baseUrl: string, token: string): Promise<Socket> {
  const socket = io(baseUrl, { path: '/socket.io', transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true })
  return new Promise((resolve, reject) => {
    socket.once('ready', () => resolve(socket))
    socket.once('connect_error', reject)
  })
}

/** A keep-alive pool like a web tier's: at most CLIENTS connections in flight. */
const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS })

function send(baseUrl: string, token: string, roomId: number, message: string): Promise<void> {
  const body = JSON.stringify({ room_id: roomId, message })
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${baseUrl}/api/v1/chat/send`,
      {
        method: 'POST',
        agent,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          res.statusCode === 201
            ? resolve()
            : reject(new Error(`chat send answered ${res.statusCode}: ${Buffer.concat(chunks).toString()}`)),
        )
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}
