import { io, type Socket } from 'socket.io-client'

/** A real socket.io client connected to the test server (websocket transport, no polling fallback). */
export function connectSocket(url: string, token?: string): Socket {
  return io(url, { path: '/socket.io', transports: ['websocket'], auth: token ? { token } : {}, reconnection: false, forceNew: true })
}

/** The next `event` on the socket, or a rejection after `timeoutMs`. */
export function nextEvent<T = unknown>(socket: Socket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" within ${timeoutMs} ms`)), timeoutMs)
    socket.once(event, (data: T) => {
      clearTimeout(timer)
      resolve(data)
    })
  })
}

/**
 * A socket.io client of the inbox that resolves once it is fully connected: after `ready` and the unread
 * count every connection starts with. `since` (the last notification id seen) is sent on every
 * (re)connect, so a reconnect replays what was missed.
 */
export async function connectInbox(url: string, token: string, cursor: { since?: number } = {}) {
  const socket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: (send) => send({ token, since: cursor.since }),
    reconnection: false,
    forceNew: true,
  })
  const initial = nextEvent<{ unread_count: number }>(socket, 'unread_count')
  await nextEvent(socket, 'ready')
  return { socket, initialCount: (await initial).unread_count }
}
