import type { IncomingMessage, Server as HttpServer } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Payload, TypedUser } from 'payload'
import { WebSocket, WebSocketServer } from 'ws'
import { logger } from '../lib/logger.ts'
import { authenticateHandshake } from './authenticateSocket.ts'

/** One event to a plain WebSocket client: the socket.io event's name and data as JSON text. */
export type PlainSend = (event: string, data: unknown) => void

/** A connected plain WebSocket client: its user, how to send to it, and the rooms it gets pushes of. */
export type PlainClient = { user: TypedUser; send: PlainSend; rooms: readonly string[] }

/** A message from a client: JSON `{type, data}`. */
export type PlainMessage = { type: string; data: unknown }

/**
 * One WebSocket path (spec 001's notifications and session chat): who may connect to it (the rooms the
 * connection joins, or the status refusing it), what it gets on connecting and how its messages are handled.
 */
export type PlainRoute = {
  path: RegExp
  admit(user: TypedUser, match: RegExpExecArray): Promise<string[] | 403 | 404>
  onConnect?(client: PlainClient, params: URLSearchParams): Promise<void>
  onMessage?(client: PlainClient, message: PlainMessage): Promise<void>
}

export type PlainWebSockets = {
  /** Sends to every client in `room`, except the client `except` (a typing client does not see its own typing). */
  deliver(room: string, event: string, data: unknown, except?: PlainClient): void
  /** The users with a client in `room` on this instance. */
  membersOf(room: string): number[]
  close(): Promise<void>
}

const STATUS_TEXT = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' } as const
const refuse = (socket: Duplex, status: keyof typeof STATUS_TEXT) => {
  socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

const parseMessage = (raw: string): PlainMessage | null => {
  try {
    const value: unknown = JSON.parse(raw)
    if (value && typeof value === 'object' && 'type' in value && typeof value.type === 'string') {
      return { type: value.type, data: 'data' in value ? value.data : value }
    }
  } catch {
    // Not JSON: answered below as an unreadable message.
  }
  return null
}

/**
 * spec 001's plain WebSockets (`/ws/notifications/{user_id}/`, `/ws/sessions/{session_id}/chat/`) for
 * clients without socket.io: the `ws` package on the API's HTTP server, sending the same events as JSON
 * `{type, data}`. Each route decides who may connect (token by `?token=`, Authorization header or the
 * access cookie, as for socket.io); other upgrade requests are left to their own handlers.
 */
export function startPlainWebSockets(httpServer: HttpServer, payload: Payload, routes: PlainRoute[]): PlainWebSockets {
  const server = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 })
  const rooms = new Map<string, Set<PlainClient>>()
  const sockets = new WeakMap<PlainClient, WebSocket>()
  const alive = new WeakSet<WebSocket>()

  const accept = (request: IncomingMessage, socket: Duplex, head: Buffer, route: PlainRoute, user: TypedUser, joined: string[], url: URL) =>
    server.handleUpgrade(request, socket, head, (ws) => {
      const client: PlainClient = {
        user,
        rooms: joined,
        send: (type, data) => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify({ type, data })),
      }
      sockets.set(client, ws)
      for (const room of joined) rooms.set(room, (rooms.get(room) ?? new Set()).add(client))
      alive.add(ws)
      ws.on('pong', () => alive.add(ws))
      ws.on('message', (raw) => {
        const text = String(raw)
        const message = parseMessage(text)
        if (message?.type === 'ping' || (!message && text.includes('"ping"'))) return client.send('pong', { at: new Date().toISOString() })
        if (!route.onMessage) return
        if (!message) return client.send('error', { detail: 'Send JSON: {"type": "...", "data": {...}}.' })
        route.onMessage(client, message).catch((error) => logger.warn({ err: error }, 'plain websocket message failed'))
      })
      ws.on('close', () => {
        for (const room of joined) {
          const members = rooms.get(room)
          members?.delete(client)
          if (members?.size === 0) rooms.delete(room)
        }
      })
      route.onConnect?.(client, url.searchParams).catch((error) => logger.warn({ err: error }, 'plain websocket sync failed'))
    })

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    for (const route of routes) {
      const match = route.path.exec(url.pathname)
      if (!match) continue
      authenticateHandshake(payload, request.headers, url.searchParams.get('token'))
        .then(async (user) => {
          if (!user) return refuse(socket, 401)
          const admitted = await route.admit(user, match)
          if (typeof admitted === 'number') return refuse(socket, admitted)
          accept(request, socket, head, route, user, admitted, url)
        })
        .catch((error) => {
          logger.warn({ err: error }, 'plain websocket handshake failed')
          refuse(socket, 500)
        })
      return
    }
  }
  httpServer.on('upgrade', onUpgrade)

  // Connections that stop answering pings (a phone that lost its network) are closed, not kept forever.
  const heartbeat = setInterval(() => {
    for (const ws of server.clients) {
      if (!alive.has(ws)) ws.terminate()
      else {
        alive.delete(ws)
        ws.ping()
      }
    }
  }, 30_000)
  heartbeat.unref()

  return {
    deliver(room, event, data, except) {
      const members = rooms.get(room)
      if (!members) return
      const text = JSON.stringify({ type: event, data })
      for (const client of members) {
        const ws = sockets.get(client)
        if (client !== except && ws?.readyState === WebSocket.OPEN) ws.send(text)
      }
    },
    membersOf: (room) => [...(rooms.get(room) ?? [])].map((client) => client.user.id),
    async close() {
      clearInterval(heartbeat)
      httpServer.off('upgrade', onUpgrade)
      for (const ws of server.clients) ws.terminate()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
