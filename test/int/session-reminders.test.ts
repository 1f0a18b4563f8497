import { sendSessionReminders } from '../../src/domain/sessions/sendSessionReminders.ts'
import { jobs, runJobOnce } from '../../src/jobs/index.ts'
import { startTestApp, type TestApp } from '../helpers/app.ts'
import { sqlRows } from '../helpers/db.ts'
import { makeUser } from '../helpers/factories.ts'
import { bookSession, futureSlot, makeFriend } from '../helpers/humanlink.ts'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.stop())

const minutes = (n: number) => n * 60_000

type Reminder = { recipient_id: number; title: string; dedupe_key: string }
const remindersOf = (sessionId: number) =>
  sqlRows<Reminder>(
    app,
    `SELECT n.recipient_id, n.title, n.dedupe_key FROM notifications n JOIN notification_types t ON t.id = n.type_id
     WHERE t.code = 'session_reminder' AND n.dedupe_key LIKE $1 ORDER BY n.recipient_id, n.dedupe_key`,
    [`friend-session:${sessionId}:%`],
  )

describe('session reminders (job with a fixed clock)', () => {
  it('sends the 24 h and the 15 min reminder once each to both people, however often it runs', async () => {
    const [user, friend] = [await makeUser(app), await makeFriend(app)]
    const start = futureSlot(3)
    const id = Number((await bookSession(app, user, friend, start)).body.data.id)

    const early = new Date(start.getTime() - minutes(25 * 60))
    await sendSessionReminders(app.payload, early)
    expect(await remindersOf(id)).toEqual([])

    const dayBefore = new Date(start.getTime() - minutes(24 * 60 - 1))
    // The scheduled job (advisory lock, as cron runs it), then the same tick again.
    const job = jobs.find((entry) => entry.name === 'session-reminders')!
    expect((await runJobOnce(app.payload, job, dayBefore)).ran).toBe(true)
    await sendSessionReminders(app.payload, dayBefore)
    await sendSessionReminders(app.payload, new Date(dayBefore.getTime() + minutes(1)))
    const afterDay = await remindersOf(id)
    expect(afterDay.map((row) => [row.recipient_id, row.title])).toEqual(
      [
        [user.user.id, 'Your video session starts in 24 hours'],
        [friend.user.id, 'Your video session starts in 24 hours'],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    )

    const quarterBefore = new Date(start.getTime() - minutes(14))
    await Promise.all([sendSessionReminders(app.payload, quarterBefore), sendSessionReminders(app.payload, quarterBefore)])
    await sendSessionReminders(app.payload, quarterBefore)
    const all = await remindersOf(id)
    expect(all).toHaveLength(4)
    expect(
      all
        .filter((row) => row.title === 'Your video session starts in 15 minutes')
        .map((row) => row.recipient_id)
        .sort(),
    ).toEqual([user.user.id, friend.user.id].sort())
  })

  it('sends nothing for cancelled sessions, and only the 15 min one for a session booked at short notice', async () => {
    const [user, friend] = [await makeUser(app), await makeFriend(app)]
    const cancelled = Number((await bookSession(app, user, friend, futureSlot(3))).body.data.id)
    await app.api.delete(`/api/v1/sessions/${cancelled}/`, { token: user.token })
    const [{ scheduled_at }] = await sqlRows<{ scheduled_at: Date }>(app, 'SELECT scheduled_at FROM friend_sessions WHERE id = $1', [
      cancelled,
    ])
    await sendSessionReminders(app.payload, new Date(scheduled_at.getTime() - minutes(10)))
    expect(await remindersOf(cancelled)).toEqual([])

    const soon = new Date(Date.now() + minutes(20))
    soon.setUTCSeconds(0, 0)
    const id = Number((await bookSession(app, user, friend, soon)).body.data.id)
    await sendSessionReminders(app.payload, new Date(soon.getTime() - minutes(10)))
    await sendSessionReminders(app.payload, new Date(soon.getTime() - minutes(5)))
    expect((await remindersOf(id)).map((row) => row.title)).toEqual([
      'Your video session starts in 15 minutes',
      'Your video session starts in 15 minutes',
    ])
  })

  it('reminds again for the new time after a reschedule', async () => {
    const [user, friend] = [await makeUser(app), await makeFriend(app)]
    const start = futureSlot(3)
    const id = Number((await bookSession(app, user, friend, start)).body.data.id)
    await sendSessionReminders(app.payload, new Date(start.getTime() - minutes(60)))
    const later = new Date(start.getTime() + minutes(48 * 60))
    expect((await app.api.patch(`/api/v1/sessions/${id}/`, { scheduled_at: later.toISOString() }, { token: user.token })).status).toBe(200)
    await sendSessionReminders(app.payload, new Date(later.getTime() - minutes(60)))
    expect(await remindersOf(id)).toHaveLength(4)
  })
})
