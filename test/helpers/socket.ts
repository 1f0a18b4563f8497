import { WebSocket } from 'ws'
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

/**
 * A plain WebSocket (the `ws` package) to a path of the test server (which may carry a query), open, with
 * its inbox listening from the start; rejects with the HTTP status of a refused upgrade.
 */
export function openPlainSocket(url: string, path: string, token: string): Promise<{ ws: WebSocket; inbox: PlainInbox }> {
  const separator = path.includes('?') ? '&' : '?'
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}${path}${separator}token=${encodeURIComponent(token)}`)
  const inbox = plainInbox(ws)
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, inbox }))
    ws.once('unexpected-response', (_request, response) => reject(new Error(`refused with ${response.statusCode}`)))
    ws.once('error', reject)
  })
}

export type PlainInbox = ReturnType<typeof plainInbox>

/** Every `{type, data}` a plain WebSocket receives, and a wait for the next one of a type. */
export function plainInbox(ws: WebSocket) {
  const received: { type: string; data: unknown }[] = []
  const waiters: { type: string; count: number; resolve: () => void }[] = []
  ws.on('message', (raw) => {
    received.push(JSON.parse(String(raw)) as { type: string; data: unknown })
    for (const waiter of [...waiters]) {
      if (received.filter((event) => event.type === waiter.type).length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve()
      }
    }
  })
  const ofType = <T = unknown>(type: string) => received.filter((event) => event.type === type).map((event) => event.data as T)
  /** Resolves with the events of `type` once there are `count` of them (or rejects after timeoutMs). */
  const waitFor = <T = unknown>(type: string, count = 1, timeoutMs = 5000): Promise<T[]> =>
    new Promise((resolve, reject) => {
      if (ofType(type).length >= count) return resolve(ofType<T>(type))
      const timer = setTimeout(() => reject(new Error(`fewer than ${count} "${type}" within ${timeoutMs} ms`)), timeoutMs)
      waiters.push({ type, count, resolve: () => (clearTimeout(timer), resolve(ofType<T>(type))) })
    })
  return { ofType, waitFor }
}
