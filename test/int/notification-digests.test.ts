import type { ParsedMail } from 'mailparser'
import { sendDigests } from '../../src/domain/notifications/sendDigests.ts'
import { jobs } from '../../src/jobs/index.ts'
import { sqlRows } from '../helpers/db.ts'
import { makeUser, type TestUser } from '../helpers/factories.ts'
import { startMailApp, type MailApp } from '../helpers/mailApp.ts'
import { notifyUser, pendingOutbox } from '../helpers/notifications.ts'
import { headerLine, recipients } from '../helpers/smtpCapture.ts'
import { waitUntil } from '../helpers/wait.ts'

let mail: MailApp
beforeAll(async () => {
  mail = await startMailApp()
})
afterAll(async () => {
  await mail.stop()
})

const DIGEST_SUBJECT = /^Your (daily digest|weekly summary): /
const digestsTo = (user: TestUser): ParsedMail[] =>
  mail.smtp.messages.filter((message) => recipients(message).includes(user.email) && DIGEST_SUBJECT.test(message.subject ?? ''))
const delivered = async () => expect(await waitUntil(async () => (await pendingOutbox(mail.app)) === 0)).toBe(true)
const claimsOf = (user: TestUser) =>
  sqlRows<{ kind: string; period_start: string; period_start_at: Date; timezone: string; notification_count: string }>(
    mail.app,
    `SELECT kind, period_start, period_start_at, timezone, notification_count FROM notification_digests WHERE user_id = $1 ORDER BY id`,
    [user.user.id],
  )
const typeId = async (code: string) =>
  (await sqlRows<{ id: number }>(mail.app, `SELECT id FROM notification_types WHERE code = $1`, [code]))[0].id

describe('the digest job', () => {
  it('is scheduled with node-cron every quarter hour', () => {
    expect(jobs.find((job) => job.name === 'notification-digests')).toMatchObject({ schedule: '1-59/15 * * * *', run: sendDigests })
  })

  it('run twice in parallel at a fixed now, sends each user in two time zones one email per period with exactly the right notifications', async () => {
    const tokyo = await makeUser(mail.app, { timezone: 'Asia/Tokyo' })
    const la = await makeUser(mail.app, { timezone: 'America/Los_Angeles' })
    // Tokyo wants funding milestones in the weekly summary.
    const weekly = await mail.app.api.patch(
      '/api/v1/notifications/preferences/update_type',
      { notification_type_id: await typeId('funding_milestone'), frequency: 'weekly_summary' },
      { token: tokyo.token },
    )
    expect(weekly.status).toBe(200)
    for (const [user, name] of [
      [tokyo, 'tokyo'],
      [la, 'la'],
    ] as const) {
      await notifyUser(mail.app, user.user.id, 'project_update', { title: `${name}: pending update` })
      const read = await notifyUser(mail.app, user.user.id, 'project_update', { title: `${name}: already read` })
      await mail.app.api.post(`/api/v1/notify/${read.id}/read`, undefined, { token: user.token })
      await notifyUser(mail.app, user.user.id, 'message_received', { title: `${name}: emailed at once` })
      await notifyUser(mail.app, user.user.id, 'project_update', { title: `${name}: expired`, expires_at: '2026-12-31T00:00:00Z' })
      const late = await notifyUser(mail.app, user.user.id, 'project_update', { title: `${name}: at 20:00 UTC` })
      // After Los Angeles' 08:00 (16:00 UTC) but before Tokyo's (23:00 UTC the day before, local 12 January).
      await sqlRows(mail.app, `UPDATE notifications SET created_at = '2027-01-11T20:00:00Z' WHERE id = $1`, [late.id])
    }
    await notifyUser(mail.app, tokyo.user.id, 'funding_milestone', { title: 'tokyo: milestone' })
    await delivered()

    // Monday 11 January 2027, 15:30 in Los Angeles; Tuesday 12 January, 08:30 in Tokyo.
    const now = new Date('2027-01-11T23:30:00Z')
    const runs = await Promise.all([sendDigests(mail.app.payload, now), sendDigests(mail.app.payload, now)])
    expect(runs[0] + runs[1]).toBe(3)
    await delivered()

    const tokyoMail = digestsTo(tokyo)
    expect(tokyoMail.map((message) => message.subject).sort()).toEqual([
      'Your daily digest: 2 new notifications',
      'Your weekly summary: 1 new notification',
    ])
    const tokyoDaily = tokyoMail.find((message) => message.subject?.startsWith('Your daily digest'))!
    expect(tokyoDaily.text).toContain('tokyo: pending update')
    expect(tokyoDaily.text).toContain('tokyo: at 20:00 UTC')
    expect(tokyoDaily.html).toContain('tokyo: pending update')
    for (const absent of ['already read', 'emailed at once', 'expired', 'milestone']) expect(tokyoDaily.text).not.toContain(absent)
    expect(tokyoMail.find((message) => message.subject?.startsWith('Your weekly summary'))!.text).toContain('tokyo: milestone')
    expect(headerLine(tokyoDaily, 'list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click')
    expect(headerLine(tokyoDaily, 'list-unsubscribe')).toMatch(
      /^List-Unsubscribe: <https?:\/\/.+\/api\/v1\/notifications\/unsubscribe\/\?token=.+>$/,
    )

    const laMail = digestsTo(la)
    expect(laMail.map((message) => message.subject)).toEqual(['Your daily digest: 1 new notification'])
    expect(laMail[0].text).toContain('la: pending update')
    for (const absent of ['at 20:00 UTC', 'already read', 'emailed at once', 'expired']) expect(laMail[0].text).not.toContain(absent)

    expect(await claimsOf(tokyo)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'daily_digest', period_start: '2027-01-12', period_start_at: new Date('2027-01-11T23:00:00Z') }),
        expect.objectContaining({ kind: 'weekly_summary', period_start: '2027-01-11', period_start_at: new Date('2027-01-10T23:00:00Z') }),
      ]),
    )
    expect(await claimsOf(la)).toEqual([
      expect.objectContaining({
        kind: 'daily_digest',
        period_start: '2027-01-11',
        timezone: 'America/Los_Angeles',
        notification_count: '1',
      }),
    ])
    const outbox = await sqlRows<{ priority: string }>(
      mail.app,
      `SELECT priority FROM outbox WHERE topic = 'email.send' AND data->>'subject' LIKE 'Your %' AND data->>'to' = ANY($1)`,
      [[tokyo.email, la.email]],
    )
    expect(outbox.map((row) => row.priority)).toEqual(['bulk', 'bulk', 'bulk'])

    // Again in the same periods: nothing more.
    await sendDigests(mail.app.payload, new Date('2027-01-12T06:00:00Z'))
    await delivered()
    expect(digestsTo(tokyo)).toHaveLength(2)
    expect(digestsTo(la)).toHaveLength(1)
  })

  it('sends a user in America/New_York one daily digest at 08:00 local on each side of both daylight-saving changes', async () => {
    const ny = await makeUser(mail.app, { timezone: 'America/New_York' })
    const digestAt = async (now: string, title?: string) => {
      if (title) {
        // Created two hours before this run, as it would be were the clock at `now`.
        const stored = await notifyUser(mail.app, ny.user.id, 'project_update', { title })
        await sqlRows(mail.app, `UPDATE notifications SET created_at = $2::timestamptz - interval '2 hours' WHERE id = $1`, [
          stored.id,
          now,
        ])
      }
      await Promise.all([sendDigests(mail.app.payload, new Date(now)), sendDigests(mail.app.payload, new Date(now))])
    }
    // Spring forward on Sunday 14 March 2027: 08:00 is 13:00 UTC the day before, 12:00 UTC that day.
    await digestAt('2027-03-13T13:30:00Z', 'before spring forward')
    await digestAt('2027-03-14T11:30:00Z', 'after spring forward') // 07:30 EDT: not yet
    expect(await claimsOf(ny)).toHaveLength(1)
    await digestAt('2027-03-14T12:15:00Z') // 08:15 EDT (07:15 had the offset stayed at -5)
    // Fall back on Sunday 7 November 2027: 08:00 is 12:00 UTC the day before, 13:00 UTC that day.
    await digestAt('2027-11-06T12:30:00Z', 'before fall back')
    await digestAt('2027-11-07T12:30:00Z', 'after fall back') // 07:30 EST: not yet
    expect(await claimsOf(ny)).toHaveLength(3)
    await digestAt('2027-11-07T13:15:00Z')
    await delivered()

    expect(
      (await claimsOf(ny)).map((claim) => [claim.period_start, claim.period_start_at.toISOString(), claim.notification_count]),
    ).toEqual([
      ['2027-03-13', '2027-03-13T13:00:00.000Z', '1'],
      ['2027-03-14', '2027-03-14T12:00:00.000Z', '1'],
      ['2027-11-06', '2027-11-06T12:00:00.000Z', '1'],
      ['2027-11-07', '2027-11-07T13:00:00.000Z', '1'],
    ])
    const texts = digestsTo(ny).map((message) => message.text ?? '')
    expect(texts).toHaveLength(4)
    const titles = ['before spring forward', 'after spring forward', 'before fall back', 'after fall back']
    texts.forEach((text, index) => titles.forEach((title, other) => expect(text.includes(title)).toBe(index === other)))
  })
})
