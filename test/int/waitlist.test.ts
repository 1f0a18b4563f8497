import { sqlRows } from '../helpers/db.ts'
import { unique } from '../helpers/factories.ts'
import { startMailApp, type MailApp } from '../helpers/mailApp.ts'
import { recipients } from '../helpers/smtpCapture.ts'
import { waitUntil } from '../helpers/wait.ts'

/** Sign-ups and look-ups allowed per IP per hour here; each test signs up from addresses of its own (X-Forwarded-For). */
const LIMIT = 5
let mail: MailApp
beforeAll(async () => {
  mail = await startMailApp({ TRUST_PROXY: 'true', RATE_LIMIT_WAITLIST_PER_HOUR: String(LIMIT) })
})
afterAll(async () => {
  await mail.stop()
})

let nextAddress = 1
const fromNewAddress = () => ({ 'x-forwarded-for': `10.${Math.floor(nextAddress / 250)}.${nextAddress++ % 250}.1` })
const join = (email: string, headers = fromNewAddress(), source: string | null = 'homepage') =>
  mail.app.api.post('/api/v1/waitlist/', { email, source }, { headers })
const status = (email: string, headers = fromNewAddress()) =>
  mail.app.api.get(`/api/v1/waitlist/status?email=${encodeURIComponent(email)}`, { headers })
let firstOfCrowd = { email: '', position: 0 }
const JOINED = 'Successfully joined the waitlist! Check your email for confirmation.'

describe('POST waitlist/ (spec 000)', () => {
  it('gives 100 parallel sign-ups the positions 1..100 with no gap or duplicate', async () => {
    const emails = Array.from({ length: 100 }, (_, n) => `crowd-${n}-${unique()}@example.com`)
    const answers = await Promise.all(emails.map((email) => join(email)))
    expect(answers.map((answer) => answer.status)).toEqual(Array(100).fill(201))
    for (const answer of answers) expect(answer.body).toEqual({ message: JOINED, waitlist_position: expect.any(Number) })
    const positions = answers.map((answer) => Number(answer.body.waitlist_position)).sort((a, b) => a - b)
    expect(positions).toEqual(Array.from({ length: 100 }, (_, n) => n + 1))
    const stored = await sqlRows<{ position: string }>(mail.app, `SELECT position FROM waitlist_entries ORDER BY position`)
    expect(stored.map((row) => Number(row.position))).toEqual(positions)
    firstOfCrowd = { email: emails[answers.findIndex((answer) => Number(answer.body.waitlist_position) === 1)], position: 1 }
  })

  it('emails a confirmation with the position once, and the status shows it and nothing else personal', async () => {
    // The first of the crowd above: its confirmation is the first the outbox sends.
    const { email, position } = firstOfCrowd
    const message = await mail.smtp.waitFor((sent) => recipients(sent).includes(email))
    expect(message.subject).toBe(`You're on the waitlist (#${position})`)
    expect(message.text).toContain(`Your position: ${position}`)
    const confirmed = await waitUntil(async () => String((await status(email)).body.confirmation_sent) === 'true')
    expect(confirmed).toBe(true)
    const shown = await status(email.toUpperCase())
    expect(shown.status).toBe(200)
    expect(shown.body).toEqual({ on_waitlist: true, waitlist_position: position, confirmation_sent: true })
    await join(email)
    expect(mail.smtp.messages.filter((sent) => recipients(sent).includes(email))).toHaveLength(1)

    const unknown = await status(`nobody-${unique()}@example.com`)
    expect(unknown.status).toBe(404)
    expect(unknown.body).toEqual({ detail: 'This email is not on the waitlist.' })
  })

  it('answers the existing position (200) to the same email again, in any case, and keeps one row', async () => {
    const email = `twice-${unique()}@example.com`
    const [first, again] = await Promise.all([join(email), join(email.toUpperCase())])
    const statuses = [first.status, again.status].sort()
    expect(statuses).toEqual([200, 201])
    expect(first.body.waitlist_position).toEqual(again.body.waitlist_position)
    const repeated = await join(email)
    expect(repeated.status).toBe(200)
    expect(repeated.body).toEqual({ message: 'You are already on the waitlist.', waitlist_position: first.body.waitlist_position })
    const rows = await sqlRows(mail.app, `SELECT id FROM waitlist_entries WHERE lower(email) = $1`, [email])
    expect(rows).toHaveLength(1)
  })

  it('validates the body and the query with 400', async () => {
    const bad = await join('not-an-email')
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('Enter a valid email address.')
    expect((await mail.app.api.get('/api/v1/waitlist/status', { headers: fromNewAddress() })).status).toBe(400)
  })

  it('rate limits sign-ups and look-ups per IP (429), other addresses unaffected', async () => {
    const address = fromNewAddress()
    const signups = []
    for (let n = 0; n <= LIMIT; n++) signups.push((await join(`limited-${n}-${unique()}@example.com`, address)).status)
    expect(signups).toEqual([...Array(LIMIT).fill(201), 429])
    const refused = await join(`limited-more-${unique()}@example.com`, address)
    expect(refused.body).toEqual({ detail: 'Too many requests. Try again later.' })
    expect((await join(`elsewhere-${unique()}@example.com`)).status).toBe(201)

    const lookups = []
    const other = fromNewAddress()
    for (let n = 0; n <= LIMIT; n++) lookups.push((await status(`x-${n}@example.com`, other)).status)
    expect(lookups).toEqual([...Array(LIMIT).fill(404), 429])
  })
})
