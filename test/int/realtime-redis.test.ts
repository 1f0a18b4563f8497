import type { Socket } from 'socket.io-client'
import { WebSocket } from 'ws'
import { userRoom } from '../../src/realtime/rooms.ts'
import { startSecondInstance, startTestApp, type SecondInstance, type TestApp } from '../helpers/app.ts'
import { makeUser } from '../helpers/factories.ts'
import { notifyUser } from '../helpers/notifications.ts'
import { connectInbox, nextEvent } from '../helpers/socket.ts'

/** The Redis these machines run; the adapter's channels are named after this test's own database. */
const REDIS_URL = 'redis://127.0.0.1:6379'

let first: TestApp
let second: SecondInstance
const sockets: Socket[] = []
beforeAll(async () => {
  first = await startTestApp({ env: { REDIS_URL } })
  second = await startSecondInstance(first)
})
afterAll(async () => {
  for (const socket of sockets) socket.disconnect()
  await second.stop()
  await first.stop()
})

const inbox = async (url: string, token: string) => {
  const { socket } = await connectInbox(url, token)
  sockets.push(socket)
  return socket
}

describe('two instances on one database with REDIS_URL', () => {
  it('carries a push emitted on the first instance to a client connected to the second, and to nobody else', async () => {
    const alice = await makeUser(first)
    const bob = await makeUser(first)
    const aliceOnSecond = await inbox(second.url, alice.token)
    const bobOnFirst = await inbox(first.url, bob.token)
    let bobGotIt = false
    bobOnFirst.on('notification:new', () => (bobGotIt = true))
    const received = nextEvent(aliceOnSecond, 'notification:new')
    first.realtime.emit(userRoom(alice.user.id), 'notification:new', { title: 'from the first instance' })
    await expect(received).resolves.toEqual({ title: 'from the first instance' })

    // End to end: notify() on the first instance, delivered by whichever instance's outbox worker claims it.
    const pushed = nextEvent<{ title: string }>(aliceOnSecond, 'notification:new')
    await notifyUser(first, alice.user.id, 'system', { title: 'notified on the first' })
    await expect(pushed).resolves.toMatchObject({ title: 'notified on the first' })
    expect(bobGotIt).toBe(false)
  })

  it("reaches a plain WebSocket client (spec 001's /ws/notifications/{user_id}/) on the other instance", async () => {
    const carol = await makeUser(first)
    const url = `${second.url.replace('http', 'ws')}/ws/notifications/${carol.user.id}/?token=${encodeURIComponent(carol.token)}`
    const ws = new WebSocket(url)
    const messages: { type: string; data: unknown }[] = []
    const counted = new Promise<void>((resolve, reject) => {
      ws.on('message', (raw) => {
        const message = JSON.parse(String(raw)) as { type: string; data: unknown }
        messages.push(message)
        if (message.type === 'unread_count') resolve()
      })
      ws.on('error', reject)
    })
    await counted
    const relayed = new Promise((resolve) => ws.on('message', (raw) => resolve(JSON.parse(String(raw)))))
    first.realtime.emit(userRoom(carol.user.id), 'notification:new', { title: 'relayed' })
    await expect(relayed).resolves.toEqual({ type: 'notification:new', data: { title: 'relayed' } })
    ws.close()
  })
})
