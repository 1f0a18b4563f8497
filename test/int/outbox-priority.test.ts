import { createLocalReq } from 'payload'
import { enqueueMany } from '../../src/domain/outbox/enqueueMany.ts'
import { withTransaction } from '../../src/lib/transaction.ts'
import type { TestApp } from '../helpers/app.ts'
import { sqlRows } from '../helpers/db.ts'
import { makeEvent, makeUser } from '../helpers/factories.ts'
import { startMailApp } from '../helpers/mailApp.ts'
import { recipients, type SmtpCapture } from '../helpers/smtpCapture.ts'
import { waitUntil } from '../helpers/wait.ts'

let app: TestApp
let smtp: SmtpCapture
let stop: () => Promise<void>
beforeAll(async () => {
  ;({ app, smtp, stop } = await startMailApp())
})
afterAll(() => stop())

const BULK = 2000

describe('outbox priority', () => {
  it('delivers a ticket email within 5 s of its commit while 2,000 bulk emails are queued', async () => {
    const event = await makeEvent(app, { name: 'Priority launch' })
    const { token, email } = await makeUser(app)
    const req = await createLocalReq({}, app.payload)
    const digests = Array.from({ length: BULK }, (_, i) => ({ to: `reader-${i}@example.com`, subject: `Digest ${i}`, text: 'Your week.' }))
    await withTransaction(req, () => enqueueMany(req, 'email.send', digests, { priority: 'bulk' }))

    const res = await app.api.post(`/api/v1/events/${event.id}/register`, {}, { token })
    const committedAt = Date.now() // the registration (and its ticket email's outbox row) committed before the answer
    expect(res.status).toBe(200)
    const ticket = await smtp.waitFor(
      (message) => recipients(message).includes(email) && message.subject === 'Your ticket for Priority launch',
      5000,
    )
    const waitedMs = Date.now() - committedAt
    const bulkDelivered = smtp.messages.filter((message) => message.subject?.startsWith('Digest ')).length
    expect(ticket.text).toContain(String(res.body.ticket_code))
    expect(waitedMs).toBeLessThan(5000)
    // It did not wait for the queue to empty: bulk mail was still being delivered when it arrived.
    expect(bulkDelivered).toBeLessThan(BULK)
  })

  it('still delivers every bulk email, each once', async () => {
    const done = async () =>
      Number((await sqlRows<{ n: string }>(app, `SELECT count(*) AS n FROM outbox WHERE priority = 'bulk' AND status = 'done'`))[0].n)
    await waitUntil(async () => (await done()) === BULK, { timeoutMs: 60_000, everyMs: 200 })
    expect(await done()).toBe(BULK)
    const subjects = smtp.messages.map((message) => message.subject).filter((subject) => subject?.startsWith('Digest '))
    expect(new Set(subjects).size).toBe(BULK)
    expect(subjects).toHaveLength(BULK)
  }, 90_000)
})
