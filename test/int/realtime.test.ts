import { createLocalReq } from 'payload'
import type { Socket } from 'socket.io-client'
import { enqueue } from '../../src/domain/outbox/enqueue.ts'
import { userRoom } from '../../src/realtime/rooms.ts'
import { startTestApp, type TestApp } from '../helpers/app.ts'
import { makeUser } from '../helpers/factories.ts'
import { connectSocket, nextEvent } from '../helpers/socket.ts'

let app: TestApp
const sockets: Socket[] = []
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  for (const socket of sockets) socket.disconnect()
  await app.stop()
})

const open = (token?: string) => {
  const socket = connectSocket(app.url, token)
  sockets.push(socket)
  return socket
}

describe('socket.io on the API server', () => {
  it('refuses a handshake without a token', async () => {
    const error = await nextEvent<Error>(open(), 'connect_error')
    expect(error.message).toBe('unauthorized')
  })

  it('refuses a handshake with a forged token', async () => {
    const error = await nextEvent<Error>(open('eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MX0.forged'), 'connect_error')
    expect(error.message).toBe('unauthorized')
  })

  it('accepts a valid token and tells the client who it is', async () => {
    const { token, user } = await makeUser(app)
    await expect(nextEvent(open(token), 'ready')).resolves.toEqual({ user_id: user.id })
  })

  it("delivers an outbox push to every socket of the user, and to nobody else's", async () => {
    const alice = await makeUser(app)
    const bob = await makeUser(app)
    const phone = open(alice.token)
    const laptop = open(alice.token)
    const other = open(bob.token)
    await Promise.all([nextEvent(phone, 'ready'), nextEvent(laptop, 'ready'), nextEvent(other, 'ready')])
    let bobGotIt = false
    other.on('notification', () => (bobGotIt = true))
    const req = await createLocalReq({}, app.payload)
    await enqueue(req, 'realtime.emit', { room: userRoom(alice.user.id), event: 'notification', data: { title: 'Hi Alice' } })
    await expect(Promise.all([nextEvent(phone, 'notification'), nextEvent(laptop, 'notification')])).resolves.toEqual([
      { title: 'Hi Alice' },
      { title: 'Hi Alice' },
    ])
    expect(bobGotIt).toBe(false)
  })
})
