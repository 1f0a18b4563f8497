import type { IncomingMessage, Server as HttpServer } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Payload, TypedUser } from 'payload'
import { WebSocket, WebSocketServer } from 'ws'
import { logger } from '../lib/logger.ts'
import { authenticateHandshake } from './authenticateSocket.ts'
import { userRoom } from './rooms.ts'

const PATH = /^\/ws\/notifications\/(\d+)\/?$/

/** One event to a plain WebSocket client: the socket.io event's name and data as JSON text. */
export type PlainSend = (event: string, data: unknown) => void

export type PlainWebSockets = { deliver(room: string, event: string, data: unknown): void; close(): Promise<void> }

const refuse = (socket: Duplex, status: 401 | 403 | 500, reason: string) => {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

/**
 * Spec 001's `ws://.../ws/notifications/{user_id}/` for clients without socket.io: a plain WebSocket
 * (the `ws` package) on the API's HTTP server that gets the same events as JSON `{type, data}`. Only
 * that user's token is accepted (`?token=`, Authorization header or the access cookie); `?since=<id>`
 * replays what the client missed. Other upgrade requests are left to their own handlers.
 */
export function startPlainWebSockets(
  httpServer: HttpServer,
  payload: Payload,
  onConnect: (send: PlainSend, user: TypedUser, since: string | null) => Promise<void>,
): PlainWebSockets {
  const server = new WebSocketServer({ noServer: true, maxPayload: 4096 })
  const rooms = new Map<string, Set<WebSocket>>()
  const alive = new WeakSet<WebSocket>()

  const accept = (request: IncomingMessage, socket: Duplex, head: Buffer, user: TypedUser, since: string | null) =>
    server.handleUpgrade(request, socket, head, (ws) => {
      const room = userRoom(user.id)
      const members = rooms.get(room) ?? new Set<WebSocket>()
      rooms.set(room, members.add(ws))
      alive.add(ws)
      const send: PlainSend = (type, data) => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify({ type, data }))
      ws.on('pong', () => alive.add(ws))
      ws.on('message', (raw) => {
        if (String(raw).includes('"ping"')) send('pong', { at: new Date().toISOString() })
      })
      ws.on('close', () => {
        members.delete(ws)
        if (members.size === 0) rooms.delete(room)
      })
      onConnect(send, user, since).catch((error) => logger.warn({ err: error }, 'plain websocket sync failed'))
    })

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const match = PATH.exec(url.pathname)
    if (!match) return
    authenticateHandshake(payload, request.headers, url.searchParams.get('token'))
      .then((user) => {
        if (!user) return refuse(socket, 401, 'Unauthorized')
        if (user.id !== Number(match[1])) return refuse(socket, 403, 'Forbidden')
        accept(request, socket, head, user, url.searchParams.get('since'))
      })
      .catch((error) => {
        logger.warn({ err: error }, 'plain websocket handshake failed')
        refuse(socket, 500, 'Internal Server Error')
      })
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
    deliver(room, event, data) {
      const members = rooms.get(room)
      if (!members) return
      const text = JSON.stringify({ type: event, data })
      for (const ws of members) if (ws.readyState === WebSocket.OPEN) ws.send(text)
    },
    async close() {
      clearInterval(heartbeat)
      httpServer.off('upgrade', onUpgrade)
      for (const ws of server.clients) ws.terminate()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
