import { createLocalReq } from 'payload'
import { enqueue } from '../../src/domain/outbox/enqueue.ts'
import { drainOutbox } from '../../src/jobs/drainOutbox.ts'
import { pruneOutbox } from '../../src/jobs/pruneOutbox.ts'
import { poolOf } from '../../src/lib/db/pool.ts'
import { withTransaction } from '../../src/lib/transaction.ts'
import type { TestApp } from '../helpers/app.ts'
import { startMailApp } from '../helpers/mailApp.ts'
import type { SmtpCapture } from '../helpers/smtpCapture.ts'
import { waitUntil } from '../helpers/wait.ts'

let app: TestApp
let smtp: SmtpCapture
let stop: () => Promise<void>
beforeAll(async () => {
  ;({ app, smtp, stop } = await startMailApp({ EMAIL_FROM: 'Platform <no-reply@platform.test>' }))
})
afterAll(() => stop())

const outboxRow = async (id: number) =>
  (await poolOf(app.payload).query('SELECT status, attempts::int, last_error, available_at FROM outbox WHERE id = $1', [id])).rows[0]

describe('email through the outbox', () => {
  it('delivers an email enqueued in a committed transaction over real SMTP', async () => {
    const req = await createLocalReq({}, app.payload)
    const row = await withTransaction(req, () =>
      enqueue(req, 'email.send', {
        to: 'ada@example.com',
        subject: 'Welcome aboard',
        text: 'Hello Ada',
        attachments: [
          { filename: 'event.ics', content_type: 'text/calendar', content_base64: Buffer.from('BEGIN:VCALENDAR').toString('base64') },
        ],
      }),
    )
    const message = await smtp.waitFor((mail) => mail.subject === 'Welcome aboard')
    expect(message.text?.trim()).toBe('Hello Ada')
    expect(message.from?.value).toEqual([{ name: 'Platform', address: 'no-reply@platform.test' }])
    expect(message.attachments.map((file) => file.filename)).toEqual(['event.ics'])
    // The SMTP server has the message a moment before the worker records the delivery.
    await waitUntil(async () => (await outboxRow(row.id)).status === 'done')
    await expect(outboxRow(row.id)).resolves.toMatchObject({ status: 'done', attempts: 1 })
  })

  it('sends nothing when the transaction rolls back', async () => {
    const req = await createLocalReq({}, app.payload)
    await expect(
      withTransaction(req, async () => {
        await enqueue(req, 'email.send', { to: 'ghost@example.com', subject: 'Never sent', text: 'x' })
        throw new Error('business rule failed')
      }),
    ).rejects.toThrow('business rule failed')
    const { rows } = await poolOf(app.payload).query(`SELECT id FROM outbox WHERE data->>'subject' = 'Never sent'`)
    expect(rows).toEqual([])
  })

  it('rejects malformed messages in the caller, before anything is stored', async () => {
    const req = await createLocalReq({}, app.payload)
    await expect(enqueue(req, 'email.send', { to: 'not-an-email', subject: 'x', text: 'y' })).rejects.toThrow()
  })
})

describe('drainOutbox', () => {
  it('retries a failing message later with backoff and records the error', async () => {
    const req = await createLocalReq({}, app.payload)
    const future = new Date(Date.now() + 3600_000) // out of the background worker's reach
    const row = await enqueue(req, 'realtime.emit', { room: 'user:1', event: 'x', data: {} }, { availableAt: future })
    // No realtime service in this call, so the handler fails.
    expect(await drainOutbox({ payload: app.payload }, future)).toBe(1)
    const failed = await outboxRow(row.id)
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, last_error: 'realtime is not running in this process' })
    expect(new Date(failed.available_at).getTime()).toBe(future.getTime() + 2000)
  })

  it('marks a message failed after the last attempt', async () => {
    const req = await createLocalReq({}, app.payload)
    const future = new Date(Date.now() + 7200_000)
    const row = await enqueue(req, 'realtime.emit', { room: 'user:1', event: 'x', data: {} }, { availableAt: future })
    await poolOf(app.payload).query('UPDATE outbox SET attempts = 7 WHERE id = $1', [row.id])
    await drainOutbox({ payload: app.payload }, future)
    await expect(outboxRow(row.id)).resolves.toMatchObject({ status: 'failed', attempts: 8 })
  })

  it('lets concurrent drains claim each message once', async () => {
    const req = await createLocalReq({}, app.payload)
    const at = new Date(Date.now() + 10 * 3600_000)
    for (let i = 0; i < 30; i++)
      await enqueue(req, 'email.send', { to: `n${i}@example.com`, subject: `Batch ${i}`, text: 'x' }, { availableAt: at })
    const drainUntilEmpty = async () => {
      while ((await drainOutbox({ payload: app.payload }, at, 5)) > 0);
    }
    await Promise.all([drainUntilEmpty(), drainUntilEmpty(), drainUntilEmpty()])
    const subjects = smtp.messages.map((mail) => mail.subject).filter((subject) => subject?.startsWith('Batch '))
    expect(subjects).toHaveLength(30)
    expect(new Set(subjects).size).toBe(30)
  })

  it('prunes delivered messages after the retention window', async () => {
    const inAMonth = new Date(Date.now() + 30 * 86400_000)
    const pruned = await pruneOutbox(app.payload, inAMonth)
    expect(pruned).toBeGreaterThan(0)
    const { rows } = await poolOf(app.payload).query(`SELECT count(*)::int AS n FROM outbox WHERE status = 'done'`)
    expect(rows[0].n).toBe(0)
  })
})
