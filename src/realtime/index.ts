import type { Server as HttpServer } from 'node:http'
import { createAdapter } from '@socket.io/redis-adapter'
import { Redis } from 'ioredis'
import type { Payload, TypedUser } from 'payload'
import { Server } from 'socket.io'
import { missedNotifications } from '../domain/notifications/missedNotifications.ts'
import { PUSH_EVENTS } from '../domain/notifications/pushEvents.ts'
import { unreadCountForPush } from '../domain/notifications/unreadCount.ts'
import { config } from '../lib/config.ts'
import { logger } from '../lib/logger.ts'
import { authenticateSocket } from './authenticateSocket.ts'
import type { PushChannel } from '../domain/outbox/handlers.ts'
import { attachChat, chatRoomsOf, sessionChatRoute, type Broadcast } from './chat.ts'
import { startPlainWebSockets, type PlainRoute, type PlainSend } from './plainWebSocket.ts'
import { userRoom } from './rooms.ts'

/** The socket.io server; it is the outbox's PushChannel (src/domain/outbox/handlers.ts). */
export type Realtime = Required<PushChannel> & { io: Server; close(): Promise<void> }

/** Carries a push to the plain WebSocket clients of the other instances (through the Redis adapter). */
const PLAIN_RELAY = 'plain-websocket-relay'

/** A `since` cursor: the id of the last notification the client saw. */
const sinceId = (value: unknown): number | null => {
  const id = Number(value)
  return value !== undefined && value !== null && value !== '' && Number.isInteger(id) && id >= 0 ? id : null
}

/**
 * socket.io on the API's HTTP server, plus spec 001's plain WebSocket. Every connection is authenticated
 * at the handshake and joins its user's room; with REDIS_URL the Redis adapter carries emits between
 * instances. On connect a client gets `ready`, what it missed since its `since` cursor, and its unread count.
 */
export function startRealtime(httpServer: HttpServer, payload: Payload): Realtime {
  const io = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    // Leave other upgrade requests (the plain WebSocket, Next's dev HMR socket) to their own handlers.
    destroyUpgrade: false,
    cors: { origin: config.CORS_ORIGINS, credentials: true },
  })
  const redis = config.REDIS_URL ? connectRedisAdapter(io, config.REDIS_URL) : undefined
  const sync = async (send: PlainSend, user: TypedUser, since: unknown) => {
    const cursor = sinceId(since)
    if (cursor !== null) for (const missed of await missedNotifications(payload, user.id, cursor)) send(PUSH_EVENTS.new, missed)
    const counted = await unreadCountForPush(payload, user.id)
    send(PUSH_EVENTS.unreadCount, { unread_count: counted.count, count: counted.count, as_of: counted.as_of })
  }
  const broadcast: Broadcast = (room, event, data, except) => {
    ;(except?.socket ? except.socket.to(room) : io.to(room)).emit(event, data)
    plain.deliver(room, event, data, except?.plain)
    if (redis) io.serverSideEmit(PLAIN_RELAY, room, event, data)
  }
  const notificationsRoute: PlainRoute = {
    path: /^\/ws\/notifications\/(\d+)\/?$/,
    admit: async (user, match) => (user.id === Number(match[1]) ? [userRoom(user.id)] : 403),
    onConnect: (client, params) => sync(client.send, client.user, params.get('since')),
  }
  const plain = startPlainWebSockets(httpServer, payload, [notificationsRoute, sessionChatRoute(payload, broadcast)])
  io.use(async (socket, next) => {
    try {
      const user = await authenticateSocket(payload, socket.handshake)
      if (!user) return next(new Error('unauthorized'))
      socket.data.user = user
      socket.data.chatRooms = await chatRoomsOf(payload, user)
      next()
    } catch (error) {
      logger.warn({ err: error }, 'socket handshake failed')
      next(new Error('unauthorized'))
    }
  })
  io.on('connection', (socket) => {
    const user = socket.data.user as TypedUser
    // In its user's room and every chat room of the user before `ready`: nothing pushed after it is missed.
    void socket.join([userRoom(user.id), ...(socket.data.chatRooms as string[])])
    attachChat(payload, socket, user, broadcast)
    socket.emit('ready', { user_id: user.id })
    const since = (socket.handshake.auth as { since?: unknown }).since ?? socket.handshake.query.since
    sync((event, data) => socket.emit(event, data), user, since).catch((error) => logger.warn({ err: error }, 'socket sync failed'))
  })
  io.on(PLAIN_RELAY, (room: string, event: string, data: unknown) => plain.deliver(room, event, data))
  return {
    io,
    emit: (room, event, data) => broadcast(room, event, data),
    async membersOf(room) {
      const sockets = await io.in(room).fetchSockets()
      return [...new Set([...sockets.map((socket) => (socket.data.user as TypedUser).id), ...plain.membersOf(room)])]
    },
    join: (from, to) => io.in(from).socketsJoin(to),
    async close() {
      await plain.close()
      await new Promise<void>((resolve) => io.close(() => resolve()))
      await Promise.all(redis?.map((client) => client.quit()) ?? [])
    },
  }
}

/**
 * The adapter's channel names carry the database's name: instances serving one database are one
 * deployment and hear each other, while other deployments sharing the Redis (staging, test runs) never do.
 */
const adapterKey = (databaseUrl: string | undefined) =>
  `socket.io#${databaseUrl ? decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) : 'default'}`

function connectRedisAdapter(io: Server, url: string): Redis[] {
  const pub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 })
  const sub = pub.duplicate()
  for (const client of [pub, sub]) client.on('error', (error) => logger.error({ err: error }, 'redis adapter error'))
  io.adapter(createAdapter(pub, sub, { key: adapterKey(config.DATABASE_URL) }))
  return [pub, sub]
}
