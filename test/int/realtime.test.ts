import { decodeJwt, SignJWT } from 'jose'
import { createLocalReq } from 'payload'
import { WebSocket } from 'ws'
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '../../src/domain/auth/accessTokens.ts'
import { config } from '../../src/lib/config.ts'
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

  it('refuses a handshake with an expired token', async () => {
    const { token } = await makeUser(app)
    const claims = decodeJwt(token)
    const expired = await new SignJWT({ roles: claims.roles, type: 'access', sid: claims.sid, tier: claims.tier })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(String(claims.sub))
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(config.JWT_SECRET))
    const error = await nextEvent<Error>(open(expired), 'connect_error')
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

  it("accepts on the plain WebSocket (spec 001) only that user's own token", async () => {
    const dana = await makeUser(app)
    const eli = await makeUser(app)
    const upgrade = (userId: number, token?: string) =>
      new Promise<number>((resolve) => {
        const query = token ? `?token=${encodeURIComponent(token)}` : ''
        const ws = new WebSocket(`${app.url.replace('http', 'ws')}/ws/notifications/${userId}/${query}`)
        ws.on('open', () => {
          ws.close()
          resolve(101)
        })
        ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
        ws.on('error', () => undefined)
      })
    expect(await upgrade(dana.user.id, dana.token)).toBe(101)
    expect(await upgrade(dana.user.id, eli.token)).toBe(403)
    expect(await upgrade(dana.user.id)).toBe(401)
    expect(await upgrade(dana.user.id, 'not-a-token')).toBe(401)
  })
})
