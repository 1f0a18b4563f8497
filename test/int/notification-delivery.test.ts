import { io, type Socket } from 'socket.io-client'
import { purgeExpiredNotifications } from '../../src/domain/notifications/purgeExpiredNotifications.ts'
import { sendEventReminders } from '../../src/domain/registrations/sendEventReminders.ts'
import { jobs } from '../../src/jobs/index.ts'
import { sqlRows } from '../helpers/db.ts'
import { makeEvent, makeUser, type TestUser } from '../helpers/factories.ts'
import { startMailApp, type MailApp } from '../helpers/mailApp.ts'
import { notifyUser, pendingOutbox, unreadInDatabase } from '../helpers/notifications.ts'
import { headerLine, recipients } from '../helpers/smtpCapture.ts'
import { nextEvent } from '../helpers/socket.ts'
import { waitUntil } from '../helpers/wait.ts'

let mail: MailApp
const sockets: Socket[] = []
beforeAll(async () => {
  mail = await startMailApp()
})
afterAll(async () => {
  for (const socket of sockets) socket.disconnect()
  await mail.stop()
})

const base = '/api/v1/communications/notifications/'
const delivered = async () => expect(await waitUntil(async () => (await pendingOutbox(mail.app)) === 0)).toBe(true)

type Pushed = { id: number; title: string }
type Counted = { unread_count: number; as_of: string }

/** An inbox socket that records every push from the first moment (missed notifications come right after `ready`). */
async function inboxSocket(user: TestUser, since?: number) {
  const socket = io(mail.app.url, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { token: user.token, since },
    reconnection: false,
    forceNew: true,
    autoConnect: false,
  })
  sockets.push(socket)
  const pushed: Pushed[] = []
  const counts: Counted[] = []
  socket.on('notification:new', (data: Pushed) => pushed.push(data))
  socket.on('unread_count', (data: Counted) => counts.push(data))
  const first = nextEvent<Counted>(socket, 'unread_count')
  socket.connect()
  await first
  /** The latest count the client knows: the one counted last (`as_of`), whatever order they arrived in. */
  const latestCount = () => [...counts].sort((a, b) => a.as_of.localeCompare(b.as_of)).at(-1)?.unread_count
  return { socket, pushed, latestCount }
}

describe('one-click unsubscribe (RFC 8058)', () => {
  it('turns the type’s email off on POST without sign-in, while a GET only shows a confirmation page', async () => {
    const ivy = await makeUser(mail.app)
    await notifyUser(mail.app, ivy.user.id, 'project_followed', { title: 'Someone followed you' })
    const email = await mail.smtp.waitFor((message) => recipients(message).includes(ivy.email))
    const header = headerLine(email, 'list-unsubscribe')!
    expect(headerLine(email, 'list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click')
    const link = new URL(/<(https?:[^>]+)>/.exec(header)![1])
    const path = `${link.pathname}${link.search}`
    const emailEnabled = async () =>
      (
        await sqlRows<{ email_enabled: boolean }>(
          mail.app,
          `SELECT p.email_enabled FROM notification_type_preferences p JOIN notification_types t ON t.id = p.notification_type_id
           WHERE p.user_id = $1 AND t.code = 'project_followed'`,
          [ivy.user.id],
        )
      )[0]?.email_enabled ?? true

    // A mail scanner following the link (twice) changes nothing.
    for (let visit = 0; visit < 2; visit++) {
      const page = await mail.app.api.get(path)
      expect(page.status).toBe(200)
      expect(page.headers.get('content-type')).toMatch(/^text\/html/)
      expect(page.text).toContain('Project Followed')
      expect(page.text).toContain('<form method="post"')
    }
    expect(await emailEnabled()).toBe(true)

    const done = await mail.app.api.post(path, undefined, {
      rawBody: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(done.status).toBe(200)
    expect(done.text).toContain('Project Followed')
    expect(await emailEnabled()).toBe(false)
    const again = await mail.app.api.post(path, undefined, {
      rawBody: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(again.status).toBe(200)

    // The inbox still gets the type; email does not.
    await notifyUser(mail.app, ivy.user.id, 'project_followed', { title: 'Someone else followed you' })
    await delivered()
    expect(mail.smtp.messages.filter((message) => recipients(message).includes(ivy.email))).toHaveLength(1)
    expect((await mail.app.api.get(`${base}unread_count/`, { token: ivy.token })).body).toEqual({ unread_count: 2, count: 2 })

    const forged = `${link.pathname}?token=${encodeURIComponent(`${link.searchParams.get('token')!.split('.')[0]}.forged`)}`
    expect((await mail.app.api.post(forged)).status).toBe(400)
    expect((await mail.app.api.get(forged)).status).toBe(400)
  })
})

describe('real-time delivery', () => {
  it('gives a reconnecting client what it missed while disconnected, in order', async () => {
    const jade = await makeUser(mail.app)
    const first = await inboxSocket(jade)
    const seen = nextEvent<Pushed>(first.socket, 'notification:new')
    await notifyUser(mail.app, jade.user.id, 'system', { title: 'seen live' })
    const last = await seen
    first.socket.disconnect()

    await notifyUser(mail.app, jade.user.id, 'system', { title: 'missed 1' })
    await notifyUser(mail.app, jade.user.id, 'system', { title: 'missed 2' })
    await delivered()

    const again = await inboxSocket(jade, last.id)
    expect(again.pushed.map((push) => push.title)).toEqual(['missed 1', 'missed 2'])
    expect(again.latestCount()).toBe(3)
  })

  it('keeps the unread count exact after 1,000 random read / unread / mark-all operations', async () => {
    const kim = await makeUser(mail.app)
    const stored: Awaited<ReturnType<typeof notifyUser>>[] = []
    for (let n = 0; n < 25; n++) stored.push(await notifyUser(mail.app, kim.user.id, 'system', { title: `n${n}` }))
    const client = await inboxSocket(kim)
    let seed = 20261206
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % below
    }
    const operation = () => {
      const target = stored[random(stored.length)]
      const ref = random(2) === 0 ? target.id : target.notification_id
      const choice = random(20)
      if (choice === 0) return `${base}mark_all_as_read/`
      if (choice === 1) return `${base}mark_all_as_unread/`
      if (choice === 2) return '/api/v1/notify/mark-all-read'
      if (choice < 7) return `/api/v1/notify/${target.id}/read`
      return choice < 13 ? `${base}${ref}/mark_as_read/` : `${base}${ref}/mark_as_unread/`
    }
    for (let done = 0; done < 1000; done += 20) {
      const statuses = await Promise.all(
        Array.from({ length: 20 }, async () => (await mail.app.api.post(operation(), undefined, { token: kim.token })).status),
      )
      expect(statuses.every((status) => status === 200)).toBe(true)
    }
    const fresh = await unreadInDatabase(mail.app, kim.user.id)
    expect((await mail.app.api.get(`${base}unread_count/`, { token: kim.token })).body).toEqual({ unread_count: fresh, count: fresh })
    const history = await mail.app.api.get('/api/v1/notify/history?unread_only=true&limit=100', { token: kim.token })
    expect(history.body).toHaveLength(fresh)
    await delivered()
    expect(client.latestCount()).toBe(fresh)
  })
})

describe('jobs of the inbox', () => {
  it('purges expired notifications (already hidden) and keeps the rest', async () => {
    expect(jobs.find((job) => job.name === 'purge-expired-notifications')?.run).toBe(purgeExpiredNotifications)
    const leo = await makeUser(mail.app)
    const gone = await notifyUser(mail.app, leo.user.id, 'system', { title: 'expired', expires_at: new Date(Date.now() - 60_000) })
    const later = await notifyUser(mail.app, leo.user.id, 'system', {
      title: 'expires later',
      expires_at: new Date(Date.now() + 3_600_000),
    })
    const forever = await notifyUser(mail.app, leo.user.id, 'system', { title: 'never expires' })
    const listed = await mail.app.api.get(base, { token: leo.token })
    expect(listed.body.results.map((row) => String(row.title))).toEqual(['never expires', 'expires later'])

    expect(await purgeExpiredNotifications(mail.app.payload, new Date())).toBeGreaterThanOrEqual(1)
    const left = await sqlRows<{ id: number }>(mail.app, `SELECT id FROM notifications WHERE recipient_id = $1 ORDER BY id`, [leo.user.id])
    expect(left.map((row) => row.id)).toEqual([later.id, forever.id])
    expect(gone.id).toBeLessThan(later.id)
  })

  it('reminds confirmed attendees 24 h and 1 h before the event, once each', async () => {
    expect(jobs.find((job) => job.name === 'event-reminders')?.run).toBe(sendEventReminders)
    const start = new Date('2027-06-01T18:00:00Z')
    const event = await makeEvent(mail.app, { start_datetime: start.toISOString(), end_datetime: '2027-06-01T20:00:00Z' })
    const [early, late, cancelled] = [await makeUser(mail.app), await makeUser(mail.app), await makeUser(mail.app)]
    for (const user of [early, late, cancelled])
      expect((await mail.app.api.post(`/api/v1/events/${event.id}/register`, {}, { token: user.token })).status).toBe(200)
    // `late` registered 3 hours before the start: too late for the 24 h reminder.
    await sqlRows(mail.app, `UPDATE registrations SET created_at = $2 WHERE event_id = $1 AND user_id = $3`, [
      event.id,
      new Date(start.getTime() - 3 * 3_600_000),
      late.user.id,
    ])
    await sqlRows(mail.app, `UPDATE registrations SET status = 'cancelled' WHERE event_id = $1 AND user_id = $2`, [
      event.id,
      cancelled.user.id,
    ])
    const remindersOf = async (user: TestUser) =>
      (
        await sqlRows<{ reminder: string }>(
          mail.app,
          `SELECT n.metadata->>'reminder' AS reminder FROM notifications n JOIN notification_types t ON t.id = n.type_id
           WHERE n.recipient_id = $1 AND t.code = 'event_reminder' ORDER BY n.id`,
          [user.user.id],
        )
      ).map((row) => row.reminder)
    const hoursBefore = (hours: number) => new Date(start.getTime() - hours * 3_600_000)

    await sendEventReminders(mail.app.payload, hoursBefore(30))
    expect(await remindersOf(early)).toEqual([])
    await Promise.all([sendEventReminders(mail.app.payload, hoursBefore(23.9)), sendEventReminders(mail.app.payload, hoursBefore(23.9))])
    await sendEventReminders(mail.app.payload, hoursBefore(5))
    expect(await remindersOf(early)).toEqual(['24h'])
    expect(await remindersOf(late)).toEqual([])
    await Promise.all([sendEventReminders(mail.app.payload, hoursBefore(0.9)), sendEventReminders(mail.app.payload, hoursBefore(0.5))])
    expect(await remindersOf(early)).toEqual(['24h', '1h'])
    expect(await remindersOf(late)).toEqual(['1h'])
    expect(await remindersOf(cancelled)).toEqual([])
    const email = await mail.smtp.waitFor(
      (message) => recipients(message).includes(late.email) && /starts in one hour/.test(message.subject ?? ''),
    )
    expect(email.text).toContain(event.name)
  })
})
