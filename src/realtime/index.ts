import type { Server as HttpServer } from 'node:http'
import { createAdapter } from '@socket.io/redis-adapter'
import { Redis } from 'ioredis'
import type { Payload } from 'payload'
import { Server } from 'socket.io'
import { config } from '../lib/config.ts'
import { logger } from '../lib/logger.ts'
import { authenticateSocket } from './authenticateSocket.ts'
import { userRoom } from './rooms.ts'

/** The socket.io server; `emit` is the outbox's PushChannel (src/domain/outbox/handlers.ts). */
export type Realtime = { io: Server; emit(room: string, event: string, data: unknown): void; close(): Promise<void> }

/**
 * socket.io on the API's HTTP server. Every socket is authenticated at the handshake and joins its user's
 * room; with REDIS_URL the Redis adapter carries emits between instances.
 */
export function startRealtime(httpServer: HttpServer, payload: Payload): Realtime {
  const io = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    // Leave other upgrade requests (Next's dev HMR socket) to their own handlers.
    destroyUpgrade: false,
    cors: { origin: config.CORS_ORIGINS, credentials: true },
  })
  const redis = config.REDIS_URL ? connectRedisAdapter(io, config.REDIS_URL) : undefined
  io.use(async (socket, next) => {
    try {
      const user = await authenticateSocket(payload, socket.handshake)
      if (!user) return next(new Error('unauthorized'))
      socket.data.userId = user.id
      next()
    } catch (error) {
      logger.warn({ err: error }, 'socket handshake failed')
      next(new Error('unauthorized'))
    }
  })
  io.on('connection', (socket) => {
    void socket.join(userRoom(socket.data.userId))
    socket.emit('ready', { user_id: socket.data.userId })
  })
  return {
    io,
    emit: (room, event, data) => void io.to(room).emit(event, data),
    async close() {
      await new Promise<void>((resolve) => io.close(() => resolve()))
      await Promise.all(redis?.map((client) => client.quit()) ?? [])
    },
  }
}

function connectRedisAdapter(io: Server, url: string): Redis[] {
  const pub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 })
  const sub = pub.duplicate()
  for (const client of [pub, sub]) client.on('error', (error) => logger.error({ err: error }, 'redis adapter error'))
  io.adapter(createAdapter(pub, sub))
  return [pub, sub]
}
