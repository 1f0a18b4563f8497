import { createLocalReq } from 'payload'
import type { Socket } from 'socket.io-client'
import type { WebSocket } from 'ws'
import { openSessionRoom } from '../../src/domain/chat/openSessionRoom.ts'
import { poolOf } from '../../src/lib/db/pool.ts'
import type { Json } from '../helpers/api.ts'
import { startTestApp, type TestApp } from '../helpers/app.ts'
import { makeStaff, makeUser, unique, type TestUser } from '../helpers/factories.ts'
import { pendingOutbox } from '../helpers/notifications.ts'
import { connectSocket, nextEvent, openPlainSocket } from '../helpers/socket.ts'
import { waitUntil } from '../helpers/wait.ts'

const CHAT_LIMIT = 40
let app: TestApp
const sockets: Socket[] = []
const plainSockets: WebSocket[] = []
beforeAll(async () => {
  app = await startTestApp({ env: { RATE_LIMIT_CHAT_PER_MINUTE: String(CHAT_LIMIT) } })
})
afterAll(async () => {
  for (const socket of sockets) socket.disconnect()
  for (const ws of plainSockets) ws.terminate()
  await app.stop()
})

type MessageEvent = { id: number; room_id: number; seq: number; message: string; user_id: number; sender_email: string }

const NOT_PARTICIPANT = 'You are not a participant of this room.'
const investor = () => makeUser(app, { roles: ['investor'] })
const startup = () => makeUser(app, { roles: ['startup'] })
const pair = async () => ({ inv: await investor(), st: await startup() })

/** A socket.io client of the user, in all their rooms once `ready` arrives; collects every message:new. */
async function openChat(user: TestUser) {
  const socket = connectSocket(app.url, user.token)
  sockets.push(socket)
  const messages: MessageEvent[] = []
  socket.on('message:new', (message: MessageEvent) => messages.push(message))
  await nextEvent(socket, 'ready')
  return { socket, messages }
}

async function conversation(inv: TestUser, st: TestUser, name = `room-${unique()}`) {
  const res = await app.api.post('/api/v1/chat/conversations/', { name, participants: [inv.email, st.email] }, { token: inv.token })
  expect(res.status).toBe(201)
  return { id: Number(res.body.id), name }
}

const send = (from: TestUser, roomId: number | string, message: string) =>
  app.api.post('/api/v1/chat/send', { room_id: roomId, message }, { token: from.token })

const notificationsOf = async (userId: number) =>
  (
    await poolOf(app.payload).query<{ title: string; metadata: { room_id: number; seq: number } }>(
      `SELECT n.title, n.metadata FROM notifications n JOIN notification_types t ON t.id = n.type_id
       WHERE n.recipient_id = $1 AND t.code = 'message_received' ORDER BY n.id`,
      [userId],
    )
  ).rows

const outboxDrained = () => waitUntil(async () => (await pendingOutbox(app)) === 0)

describe('spec 002 conversations', () => {
  it('creates the private room of an investor and a startup, and answers the same room when asked again', async () => {
    const { inv, st } = await pair()
    const name = `deal-${unique()}`
    const res = await app.api.post('/api/v1/chat/conversations/', { name, participants: [inv.email, st.email] }, { token: inv.token })
    expect(res.status).toBe(201)
    expect(res.body).toEqual({
      id: expect.any(Number),
      name,
      kind: 'private',
      participants: [inv.email, st.email],
      created_at: expect.stringMatching(/Z$/),
      updated_at: expect.stringMatching(/Z$/),
    })
    const again = await app.api.post('/api/v1/chat/conversations/', { name, participants: [st.email, inv.email] }, { token: st.token })
    expect(again.status).toBe(200)
    expect(again.body.id).toBe(res.body.id)
    const other = await pair()
    const taken = await app.api.post(
      '/api/v1/chat/conversations/',
      { name, participants: [other.inv.email, other.st.email] },
      { token: other.inv.token },
    )
    expect(taken.status).toBe(409)
    expect(taken.body).toMatchObject({ detail: `Room '${name}' already exists.` })
  })

  it('answers the documented 400 and 401 bodies', async () => {
    const { inv, st } = await pair()
    const third = await startup()
    const three = await app.api.post(
      '/api/v1/chat/conversations/',
      { name: `r-${unique()}`, participants: [inv.email, st.email, third.email] },
      { token: inv.token },
    )
    expect(three.status).toBe(400)
    expect(three.body).toEqual({
      detail: 'Private room must have exactly 2 participants.',
      error: 'Private room must have exactly 2 participants.',
    })
    const twoInvestors = await investor()
    const sameSide = await app.api.post(
      '/api/v1/chat/conversations/',
      { name: `r-${unique()}`, participants: [inv.email, twoInvestors.email] },
      { token: inv.token },
    )
    expect(sameSide.status).toBe(400)
    expect(sameSide.body).toMatchObject({ error: 'Private room must have one investor and one startup.' })
    const anonymous = await app.api.post('/api/v1/chat/conversations/', { name: 'x', participants: [inv.email, st.email] })
    expect(anonymous.status).toBe(401)
    expect(anonymous.body).toMatchObject({ detail: 'Authentication credentials were not provided.' })
    const anonymousList = await app.api.get('/api/v1/chat/conversations/x/messages/')
    expect(anonymousList.status).toBe(401)
    expect(anonymousList.body).toMatchObject({ detail: 'Authentication credentials were not provided.' })
  })

  it('sends with an auto-created room and lists the messages in order, text verbatim', async () => {
    const { inv, st } = await pair()
    const roomName = `auto-${unique()}`
    const text = '  Hello! 👋\n<b>not html</b>  '
    const sent = await app.api.post(
      '/api/v1/chat/messages/',
      { room_name: roomName, sender_email: inv.email, receiver_email: st.email, text },
      { token: inv.token },
    )
    expect(sent.status).toBe(201)
    expect(sent.body).toEqual({
      id: expect.any(Number),
      room_id: expect.any(Number),
      room_name: roomName,
      seq: 1,
      sender_email: inv.email,
      receiver_email: st.email,
      text,
      timestamp: expect.stringMatching(/Z$/),
      is_read: false,
    })
    const reply = await app.api.post(
      '/api/v1/chat/messages/',
      { room_name: roomName, receiver_email: inv.email, text: 'Hi there!' },
      { token: st.token },
    )
    expect(reply.status).toBe(201)
    const list = await app.api.get(`/api/v1/chat/conversations/${roomName}/messages/`, { token: st.token })
    expect(list.status).toBe(200)
    expect(list.body).toEqual([
      {
        id: sent.body.id,
        room_id: sent.body.room_id,
        room: roomName,
        seq: 1,
        sender_email: inv.email,
        receiver_email: st.email,
        text,
        timestamp: sent.body.timestamp,
        is_read: true,
      },
      expect.objectContaining({
        room: roomName,
        seq: 2,
        sender_email: st.email,
        receiver_email: inv.email,
        text: 'Hi there!',
        is_read: false,
      }),
    ])
    const page = await app.api.get(`/api/v1/chat/conversations/${roomName}/messages/?skip=1&limit=1`, { token: inv.token })
    expect(page.body.map((m: Json) => m.seq)).toEqual([2])
    const tooLong = await app.api.post(
      '/api/v1/chat/messages/',
      { room_name: roomName, receiver_email: st.email, text: 'x'.repeat(5001) },
      { token: inv.token },
    )
    expect(tooLong.status).toBe(400)
    expect(tooLong.body).toMatchObject({ text: ['Enter 1 to 5000 characters.'] })
  })

  it('refuses impersonation: the sender is always the caller', async () => {
    const { inv, st } = await pair()
    const room = await conversation(inv, st)
    const res = await app.api.post(
      '/api/v1/chat/messages/',
      { room_name: room.name, sender_email: st.email, receiver_email: inv.email, text: 'I am the startup' },
      { token: inv.token },
    )
    expect(res.status).toBe(403)
    expect(res.body).toEqual({ detail: NOT_PARTICIPANT, error: NOT_PARTICIPANT })
    const list = await app.api.get(`/api/v1/chat/conversations/${room.name}/messages/`, { token: st.token })
    expect(list.body).toEqual([])
  })
})

describe('spec 003 chat/send and chat/{room_id}', () => {
  it('sends to a room by id and pages its messages with skip and limit', async () => {
    const { inv, st } = await pair()
    const room = await conversation(inv, st)
    const res = await app.api.post(
      '/api/v1/chat/send',
      { room_id: room.id, message: 'Hello!', message_type: 'text', metadata: { k: 1 } },
      { token: inv.token },
    )
    expect(res.status).toBe(201)
    expect(res.body).toEqual({
      id: expect.any(Number),
      room_id: room.id,
      room: room.name,
      seq: 1,
      user_id: inv.user.id,
      username: inv.email,
      message: 'Hello!',
      message_type: 'text',
      metadata: { k: 1 },
      created_at: expect.stringMatching(/Z$/),
      edited_at: null,
    })
    for (const text of ['two', 'three', 'four']) expect((await send(st, room.name, text)).status).toBe(201)
    const page = await app.api.get(`/api/v1/chat/${room.id}?skip=1&limit=2`, { token: st.token })
    expect(page.status).toBe(200)
    expect(page.body.map((m: Json) => [m.seq, m.message])).toEqual([
      [2, 'two'],
      [3, 'three'],
    ])
  })
})

describe('a non-participant', () => {
  it('is refused on REST, socket.io and the session WebSocket', async () => {
    const { inv, st } = await pair()
    const outsider = await investor()
    const room = await conversation(inv, st)
    await send(inv, room.id, 'private')

    const history = await app.api.get(`/api/v1/chat/conversations/${room.name}/messages/`, { token: outsider.token })
    expect(history.status).toBe(404)
    expect(history.body).toMatchObject({ detail: `Room '${room.name}' does not exist.` })
    const post = await app.api.post(
      '/api/v1/chat/messages/',
      { room_name: room.name, receiver_email: st.email, text: 'hi' },
      { token: outsider.token },
    )
    expect(post.status).toBe(403)
    expect(post.body).toMatchObject({ error: NOT_PARTICIPANT })
    const sendRes = await send(outsider, room.id, 'hi')
    expect(sendRes.status).toBe(403)
    expect(sendRes.body).toEqual({ detail: NOT_PARTICIPANT })
    const read = await app.api.get(`/api/v1/chat/${room.id}`, { token: outsider.token })
    expect(read.status).toBe(404)
    const mark = await app.api.post(`/api/v1/chat/rooms/${room.id}/read`, { seq: 1 }, { token: outsider.token })
    expect(mark.status).toBe(404)

    const { socket, messages } = await openChat(outsider)
    const receiver = await openChat(st)
    await expect(socket.emitWithAck('chat:sync', { rooms: { [room.id]: 0 } })).resolves.toEqual({ rooms: {}, refused: [room.id] })
    await expect(socket.emitWithAck('typing', { room_id: room.id })).resolves.toEqual({ error: NOT_PARTICIPANT })
    await send(inv, room.id, 'second')
    await waitUntil(() => receiver.messages.length === 1)
    expect(messages).toEqual([])

    const sessionId = Math.floor(Math.random() * 1e8)
    await openSessionRoom(await createLocalReq({}, app.payload), { sessionId, participantIds: [inv.user.id, st.user.id] })
    await expect(openPlainSocket(app.url, `/ws/sessions/${sessionId}/chat/`, outsider.token)).rejects.toThrow('refused with 403')
    await expect(openPlainSocket(app.url, `/ws/sessions/${sessionId + 1}/chat/`, inv.token)).rejects.toThrow('refused with 404')
    await expect(openPlainSocket(app.url, `/ws/sessions/${sessionId}/chat/`, 'not-a-token')).rejects.toThrow('refused with 401')
  })
})

describe('ordering and delivery', () => {
  it('stores 20 parallel messages once with seq 1..20 and delivers them to a connected client in seq order', async () => {
    const { inv, st } = await pair()
    const room = await conversation(inv, st)
    const receiver = await openChat(st)
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => send(inv, room.id, `m${i}`)))
    expect(responses.map((res) => res.status)).toEqual(Array(20).fill(201))
    expect(responses.map((res) => Number(res.body.seq)).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    const { rows } = await poolOf(app.payload).query<{ seq: string; text: string }>(
      'SELECT seq, text FROM chat_messages WHERE room_id = $1 ORDER BY seq',
      [room.id],
    )
    expect(rows.map((row) => Number(row.seq))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(new Set(rows.map((row) => row.text)).size).toBe(20)
    await waitUntil(() => receiver.messages.length >= 20)
    expect(receiver.messages.map((m) => m.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    const bySeq = new Map(responses.map((res) => [Number(res.body.seq), String(res.body.message)]))
    expect(receiver.messages.map((m) => m.message)).toEqual(receiver.messages.map((m) => bySeq.get(m.seq)))
    await outboxDrained()
    expect(receiver.messages).toHaveLength(20)
  })

  it('gives a client that reconnects exactly the 10 messages sent while it was away', async () => {
    const { inv, st } = await pair()
    const room = await conversation(inv, st)
    const first = await openChat(st)
    await send(inv, room.id, 'before')
    await waitUntil(() => first.messages.length === 1)
    const lastSeq = first.messages[0].seq
    first.socket.disconnect()
    const sent = []
    for (let i = 0; i < 10; i++) sent.push((await send(inv, room.id, `away ${i}`)).body)
    await outboxDrained()
    const again = await openChat(st)
    const ack = await again.socket.emitWithAck('chat:sync', { rooms: { [room.id]: lastSeq } })
    expect(ack).toEqual({ rooms: { [room.id]: 10 }, refused: [] })
    expect(again.messages.map((m) => [m.seq, m.message])).toEqual(sent.map((m) => [m.seq, m.message]))
    expect(again.messages.map((m) => m.seq)).toEqual(Array.from({ length: 10 }, (_, i) => lastSeq + 1 + i))
  })

  it('tells the other participant about typing, never the typist', async () => {
    const { inv, st } = await pair()
    const room = await conversation(inv, st)
    await send(inv, room.id, 'hello')
    const typist = await openChat(inv)
    const other = await openChat(st)
    let selfTyping = false
    typist.socket.on('typing', () => (selfTyping = true))
    const typing = nextEvent(other.socket, 'typing')
    await expect(typist.socket.emitWithAck('typing', { room_id: room.id })).resolves.toEqual({ ok: true })
    await expect(typing).resolves.toEqual({ room_id: room.id, user_id: inv.user.id })
    expect(selfTyping).toBe(false)
  })
})

describe('unread counts and read markers', () => {
  it('stays exact after reads from two devices, the marker moving only forward', async () => {
    const { inv, st } = await pair()
    const room = await conversation(inv, st)
    for (let i = 1; i <= 5; i++) await send(inv, room.id, `n${i}`)
    const unread = async () => {
      const res = await app.api.get('/api/v1/chat/conversations/', { token: st.token })
      expect(res.status).toBe(200)
      return res.body.find((r: Json) => Number(r.id) === room.id)
    }
    expect(await unread()).toMatchObject({
      id: room.id,
      name: room.name,
      kind: 'private',
      last_seq: 5,
      unread_count: 5,
      last_message: { seq: 5, message: 'n5' },
    })
    const watcher = await openChat(inv)
    const readEvent = nextEvent(watcher.socket, 'message:read')
    const phone = await app.api.post(`/api/v1/chat/rooms/${room.id}/read`, { seq: 3 }, { token: st.token })
    expect(phone.status).toBe(200)
    expect(phone.body).toEqual({ room_id: room.id, last_read_seq: 3, unread_count: 2 })
    await expect(readEvent).resolves.toEqual({ room_id: room.id, user_id: st.user.id, seq: 3 })
    const [laptopStale, otherPhone] = await Promise.all([
      app.api.post(`/api/v1/chat/rooms/${room.id}/read`, { seq: 2 }, { token: st.token }),
      app.api.post(`/api/v1/chat/rooms/${room.id}/read`, { seq: 1 }, { token: st.token }),
    ])
    expect(laptopStale.body).toEqual({ room_id: room.id, last_read_seq: 3, unread_count: 2 })
    expect(otherPhone.body).toEqual({ room_id: room.id, last_read_seq: 3, unread_count: 2 })
    expect(await unread()).toMatchObject({ unread_count: 2, last_read_seq: 3 })
    const beyond = await app.api.post(`/api/v1/chat/rooms/${room.id}/read`, { seq: 99 }, { token: st.token })
    expect(beyond.body).toEqual({ room_id: room.id, last_read_seq: 5, unread_count: 0 })
    await send(inv, room.id, 'n6')
    expect(await unread()).toMatchObject({ unread_count: 1, last_seq: 6 })
    const investorView = await app.api.get('/api/v1/chat/conversations/', { token: inv.token })
    expect(investorView.body.find((r: Json) => Number(r.id) === room.id)).toMatchObject({ unread_count: 0 })
  })
})

describe('message_received notifications', () => {
  it('reach the receiver only, not while they are connected to the room, and not when they turned the type off', async () => {
    const { inv, st } = await pair()
    const room = await conversation(inv, st)
    await send(inv, room.id, 'while away')
    const [notified] =
      (await waitUntil(async () => {
        const rows = await notificationsOf(st.user.id)
        return rows.length ? rows : undefined
      })) ?? []
    expect(notified).toEqual({ title: `New message from ${inv.email}`, metadata: expect.objectContaining({ room_id: room.id, seq: 1 }) })
    await outboxDrained()
    expect(await notificationsOf(inv.user.id)).toEqual([])

    const looking = await openChat(st)
    await send(inv, room.id, 'while looking')
    await waitUntil(() => looking.messages.length === 1)
    await outboxDrained()
    expect(await notificationsOf(st.user.id)).toHaveLength(1)
    looking.socket.disconnect()

    const type = await poolOf(app.payload).query<{ id: number }>(`SELECT id FROM notification_types WHERE code = 'message_received'`)
    const off = await app.api.patch(
      '/api/v1/startups/preferences/update_type/',
      { notification_type_id: type.rows[0].id, frequency: 'disabled' },
      { token: st.token },
    )
    expect(off.status).toBe(200)
    await send(inv, room.id, 'muted')
    await outboxDrained()
    expect(await notificationsOf(st.user.id)).toHaveLength(1)
  })
})

describe('moderation', () => {
  it('lets staff hide a message in the admin: gone for participants, logged, pushed', async () => {
    const { inv, st } = await pair()
    const staff = await makeStaff(app)
    const room = await conversation(inv, st)
    const bad = await send(inv, room.id, 'spam link')
    await send(inv, room.id, 'fine')
    const refused = await app.api.patch(`/api/chat-messages/${bad.body.id}`, { hidden: true }, { token: inv.token })
    expect(refused.status).toBe(403)
    const watcher = await openChat(st)
    const hiddenEvent = nextEvent(watcher.socket, 'message:hidden')
    const hide = await app.api.patch(
      `/api/chat-messages/${bad.body.id}`,
      { hidden: true, moderation_reason: 'spam' },
      { token: staff.token },
    )
    expect(hide.status).toBe(200)
    expect(hide.body.doc).toMatchObject({ hidden: true, deleted_at: expect.stringMatching(/Z$/) })
    await expect(hiddenEvent).resolves.toEqual({ room_id: room.id, message_id: bad.body.id, seq: 1, hidden: true })
    const list = await app.api.get(`/api/v1/chat/${room.id}`, { token: st.token })
    expect(list.body.map((m: Json) => m.message)).toEqual(['fine'])
    const log = await app.payload.find({ collection: 'chat-moderation-log', where: { message: { equals: bad.body.id } }, depth: 0 })
    expect(log.docs.map((entry) => [entry.action, entry.moderator, entry.reason])).toEqual([['hide', staff.user.id, 'spam']])
    const staffRead = await app.api.get(`/api/chat-messages/${bad.body.id}`, { token: staff.token })
    expect(staffRead.body).toMatchObject({ text: 'spam link', hidden: true })
  })
})

describe('spec 001 session chat over a plain WebSocket', () => {
  it("carries the session's messages between its two participants, with socket.io clients in the same room", async () => {
    const { inv, st } = await pair()
    const sessionId = Math.floor(Math.random() * 1e8)
    const room = await openSessionRoom(await createLocalReq({}, app.payload), { sessionId, participantIds: [inv.user.id, st.user.id] })
    const path = `/ws/sessions/${sessionId}/chat/`
    const { ws: a, inbox: inboxA } = await openPlainSocket(app.url, path, inv.token)
    const { ws: b, inbox: inboxB } = await openPlainSocket(app.url, path, st.token)
    plainSockets.push(a, b)
    await Promise.all([inboxA.waitFor('ready'), inboxB.waitFor('ready')])
    const io = await openChat(st)
    a.send(JSON.stringify({ type: 'typing' }))
    await expect(inboxB.waitFor('typing')).resolves.toEqual([{ room_id: room.id, user_id: inv.user.id }])
    a.send(JSON.stringify({ type: 'message', data: { text: 'Ready when you are' } }))
    const [received] = await inboxB.waitFor<MessageEvent>('message:new')
    expect(received).toMatchObject({ room_id: room.id, seq: 1, message: 'Ready when you are', user_id: inv.user.id })
    await waitUntil(() => io.messages.length === 1)
    expect(io.messages[0]).toMatchObject({ room_id: room.id, seq: 1 })
    a.send(JSON.stringify({ type: 'message', data: { text: '' } }))
    await expect(inboxA.waitFor('error')).resolves.toEqual([{ detail: 'Send the text, 1 to 5000 characters.' }])
    const late = await openPlainSocket(app.url, `${path}?since=0`, st.token)
    plainSockets.push(late.ws)
    await expect(late.inbox.waitFor<MessageEvent>('message:new')).resolves.toEqual([
      expect.objectContaining({ seq: 1, message: 'Ready when you are' }),
    ])
    expect(inboxA.ofType('typing')).toEqual([])
  })
})

describe('the plain WebSocket routes after the chat joined them', () => {
  it("still serve spec 001's notifications socket to its own user only", async () => {
    const user = await makeUser(app)
    const other = await makeUser(app)
    const own = await openPlainSocket(app.url, `/ws/notifications/${user.user.id}/`, user.token)
    plainSockets.push(own.ws)
    await expect(own.inbox.waitFor('unread_count')).resolves.toEqual([expect.objectContaining({ unread_count: 0 })])
    await expect(openPlainSocket(app.url, `/ws/notifications/${other.user.id}/`, user.token)).rejects.toThrow('refused with 403')
  })
})

describe('rate limit', () => {
  it('refuses a sender past their per-minute budget with 429', async () => {
    const { inv, st } = await pair()
    const room = await conversation(inv, st)
    for (let i = 0; i < CHAT_LIMIT; i++) expect((await send(inv, room.id, `r${i}`)).status).toBe(201)
    const over = await send(inv, room.id, 'one too many')
    expect(over.status).toBe(429)
    expect(over.headers.get('retry-after')).toMatch(/^\d+$/)
    expect((await send(st, room.id, 'the other side still talks')).status).toBe(201)
  })
})
