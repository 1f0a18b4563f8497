import { createLocalReq } from 'payload'
import type { Socket } from 'socket.io-client'
import { notify } from '../../src/domain/notifications/notify.ts'
import { poolOf } from '../../src/lib/db/pool.ts'
import { withTransaction } from '../../src/lib/transaction.ts'
import { startMailApp, type MailApp } from '../helpers/mailApp.ts'
import { makeUser, type TestUser } from '../helpers/factories.ts'
import { connectInbox, nextEvent } from '../helpers/socket.ts'
import { headerLine, recipients } from '../helpers/smtpCapture.ts'

let mail: MailApp
const sockets: Socket[] = []
beforeAll(async () => {
  mail = await startMailApp()
})
afterAll(async () => {
  for (const socket of sockets) socket.disconnect()
  await mail.stop()
})

const open = async (user: TestUser) => {
  const { socket } = await connectInbox(mail.app.url, user.token)
  sockets.push(socket)
  return socket
}
const req = () => createLocalReq({}, mail.app.payload)
const query = (text: string, values: unknown[] = []) => poolOf(mail.app.payload).query(text, values)

describe('notify(recipients, typeCode, content, { req })', () => {
  it("stores an inbox row per recipient, pushes it to the recipient's sockets only, and emails it", async () => {
    const alice = await makeUser(mail.app)
    const bob = await makeUser(mail.app)
    const carol = await makeUser(mail.app)
    const [aliceSocket, carolSocket] = [await open(alice), await open(carol)]
    let carolGotOne = false
    carolSocket.on('notification:new', () => (carolGotOne = true))
    const pushed = nextEvent<{ title: string; notification_type: { code: string } }>(aliceSocket, 'notification:new')
    const counted = nextEvent<{ unread_count: number }>(aliceSocket, 'unread_count')

    const stored = await notify(
      [alice.user.id, bob.user.id],
      'message_received',
      { title: 'New message', message: 'Hi there' },
      { req: await req() },
    )

    expect(stored.map((row) => row.recipient_id).sort()).toEqual([alice.user.id, bob.user.id].sort())
    await expect(pushed).resolves.toMatchObject({ title: 'New message', notification_type: { code: 'message_received' } })
    await expect(counted).resolves.toMatchObject({ unread_count: 1 })
    const email = await mail.smtp.waitFor((message) => recipients(message).includes(bob.email))
    expect(email.subject).toBe('New message')
    expect(email.text).toContain('Hi there')
    expect(email.html).toContain('Hi there')
    expect(headerLine(email, 'list-unsubscribe')).toMatch(
      /^List-Unsubscribe: <https?:\/\/.+\/api\/v1\/notifications\/unsubscribe\/\?token=.+>$/,
    )
    expect(headerLine(email, 'list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click')
    expect(carolGotOne).toBe(false)
  })

  it("stores nothing, pushes nothing and sends nothing when the caller's transaction rolls back", async () => {
    const dave = await makeUser(mail.app)
    const local = await req()
    await expect(
      withTransaction(local, async () => {
        await notify(dave.user.id, 'message_received', { title: 'Never happened' }, { req: local })
        throw new Error('caller failed after notifying')
      }),
    ).rejects.toThrow('caller failed after notifying')
    const { rows } = await query('SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1', [dave.user.id])
    expect(rows[0].n).toBe(0)
    const outbox = await query(`SELECT count(*)::int AS n FROM outbox WHERE data::text LIKE '%Never happened%'`)
    expect(outbox.rows[0].n).toBe(0)
  })

  it('notifies once per recipient and dedupe key, and refuses an unknown type code', async () => {
    const erin = await makeUser(mail.app)
    const first = await notify(erin.user.id, 'event_reminder', { title: 'Tomorrow' }, { req: await req(), dedupeKey: 'reminder:1' })
    const again = await notify(erin.user.id, 'event_reminder', { title: 'Tomorrow' }, { req: await req(), dedupeKey: 'reminder:1' })
    expect([first.length, again.length]).toEqual([1, 0])
    await expect(notify(erin.user.id, 'no_such_type', { title: 'x' }, { req: await req() })).rejects.toThrow('unknown notification type')
  })
})
