import { expireWaitlistOffers } from '../../src/jobs/expireWaitlistOffers.ts'
import { poolOf } from '../../src/lib/db/pool.ts'
import type { TestApp } from '../helpers/app.ts'
import * as db from '../helpers/db.ts'
import { makeEvent, makeStaff, makeUser, makeUsers } from '../helpers/factories.ts'
import { startMailApp } from '../helpers/mailApp.ts'
import { recipients, type SmtpCapture } from '../helpers/smtpCapture.ts'

let app: TestApp
let smtp: SmtpCapture
let stop: () => Promise<void>
beforeAll(async () => {
  ;({ app, smtp, stop } = await startMailApp())
})
afterAll(() => stop())

const seatsTaken = (eventId: number) => db.seatsTaken(app, eventId)
const heldSeats = async (eventId: number) =>
  Number(
    (await db.sqlRows<{ count: string }>(app, 'SELECT count(*) FROM registrations WHERE event_id = $1 AND holds_seat', [eventId]))[0].count,
  )
const register = (eventId: number, token: string, path = `/api/v1/events/${eventId}/register`) => app.api.post(path, {}, { token })

describe('POST /api/v1/events/{id}/register', () => {
  it('confirms a seat at a free event and issues a ticket (spec 000 body)', async () => {
    const event = await makeEvent(app)
    const { token, user } = await makeUser(app)
    const res = await register(event.id, token, `/api/v1/events/${event.id}/register/`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual(
      expect.objectContaining({
        id: expect.any(Number),
        event_id: event.id,
        user_id: user.id,
        status: 'confirmed',
        ticket_code: expect.stringMatching(/^INNO-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/),
        registered_at: expect.any(String),
      }),
    )
    expect(await seatsTaken(event.id)).toBe(1)
  })

  it('emails the ticket with an .ics attachment after commit', async () => {
    const event = await makeEvent(app, { name: 'Ticket mail test' })
    const { token, email } = await makeUser(app)
    const res = await register(event.id, token)
    const mail = await smtp.waitFor(
      (message) => recipients(message).includes(email) && message.subject === 'Your ticket for Ticket mail test',
    )
    expect(mail.text).toContain(String(res.body.ticket_code))
    expect(mail.attachments.map((file) => [file.filename, file.contentType])).toEqual([['event.ics', 'text/calendar']])
    expect(mail.attachments[0].content.toString()).toContain('SUMMARY:Ticket mail test')
  })

  it("answers 402 with spec 000's detail for a paid event, taking no seat", async () => {
    const event = await makeEvent(app, { price_cents: 2500, currency: 'USD' })
    const { token } = await makeUser(app)
    const res = await register(event.id, token)
    expect(res.status).toBe(402)
    expect(res.body).toEqual({ detail: { message: 'Payment required', event_id: event.id, price_cents: 2500, currency: 'USD' } })
    expect(await seatsTaken(event.id)).toBe(0)
  })

  it('answers 409 to a second registration of the same user', async () => {
    const event = await makeEvent(app)
    const { token } = await makeUser(app)
    expect((await register(event.id, token)).status).toBe(200)
    const again = await register(event.id, token)
    expect(again.status).toBe(409)
    expect(again.body).toEqual({ detail: 'You are already registered for this event.' })
    expect(await seatsTaken(event.id)).toBe(1)
  })

  it('answers 409 when the event is full, pointing at the waitlist', async () => {
    const event = await makeEvent(app, { max_attendees: 1 })
    const [first, second] = await makeUsers(app, 2)
    expect((await register(event.id, first.token)).status).toBe(200)
    const full = await register(event.id, second.token)
    expect(full.status).toBe(409)
    expect(full.body.detail).toBe(`This event is full. Join its waitlist with POST /api/v1/events/${event.id}/waitlist.`)
  })

  it.each([
    [
      'past',
      { start_datetime: new Date(Date.now() - 86_400_000).toISOString(), end_datetime: new Date(Date.now() - 80_000_000).toISOString() },
      400,
      'This event has already started.',
    ],
    ['cancelled', { status: 'cancelled' as const }, 400, 'This event has been cancelled.'],
  ])('refuses a %s event with %s', async (_label, overrides, status, detail) => {
    const event = await makeEvent(app, overrides)
    const { token } = await makeUser(app)
    const res = await register(event.id, token)
    expect(res.status).toBe(status)
    expect(res.body).toEqual({ detail })
  })

  it('answers 404 for an unpublished event, and for one that does not exist', async () => {
    const draft = await makeEvent(app, { is_published: false })
    const { token } = await makeUser(app)
    expect((await register(draft.id, token)).status).toBe(404)
    expect((await register(99_999_999, token)).status).toBe(404)
  })

  it('needs a token', async () => {
    const event = await makeEvent(app)
    expect((await app.api.post(`/api/v1/events/${event.id}/register`, {})).status).toBe(401)
  })

  it('refuses a booking that overlaps another of the same user in time (409)', async () => {
    const start = new Date(Date.now() + 5 * 86_400_000)
    const first = await makeEvent(app, {
      start_datetime: start.toISOString(),
      end_datetime: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
    })
    const clash = await makeEvent(app, {
      start_datetime: new Date(start.getTime() + 3_600_000).toISOString(),
      end_datetime: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
    })
    const after = await makeEvent(app, {
      start_datetime: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
      end_datetime: new Date(start.getTime() + 4 * 3_600_000).toISOString(),
    })
    const { token } = await makeUser(app)
    expect((await register(first.id, token)).status).toBe(200)
    const res = await register(clash.id, token)
    expect(res.status).toBe(409)
    expect(res.body).toEqual({ detail: `This event overlaps another booking of yours: "${first.name}".` })
    expect((await register(after.id, token)).status).toBe(200) // back-to-back is fine
  })
})

describe('correctness under concurrency', () => {
  it('200 parallel registrations of 200 users for 50 seats: exactly 50 confirmed, 150 clear 409s, seats_taken = 50', async () => {
    const event = await makeEvent(app, { max_attendees: 50 })
    const users = await makeUsers(app, 200)
    const results = await Promise.all(users.map(({ token }) => register(event.id, token)))
    const statuses = results.map((res) => res.status)
    expect(statuses.filter((status) => status === 200)).toHaveLength(50)
    expect(statuses.filter((status) => status === 409)).toHaveLength(150)
    for (const res of results.filter((r) => r.status === 409)) expect(String(res.body.detail)).toMatch(/^This event is full/)
    expect(await seatsTaken(event.id)).toBe(50)
    expect(await heldSeats(event.id)).toBe(50)
    const tickets = results.filter((res) => res.status === 200).map((res) => res.body.ticket_code)
    expect(new Set(tickets).size).toBe(50)
  }, 120_000)

  it('the same user registering 20 times in parallel gets exactly one registration', async () => {
    const event = await makeEvent(app, { max_attendees: 100 })
    const { token, user } = await makeUser(app)
    const results = await Promise.all(Array.from({ length: 20 }, () => register(event.id, token)))
    expect(results.map((res) => res.status).sort()).toEqual([200, ...Array(19).fill(409)])
    const { rows } = await poolOf(app.payload).query('SELECT count(*)::int AS n FROM registrations WHERE event_id = $1 AND user_id = $2', [
      event.id,
      user.id,
    ])
    expect(rows[0].n).toBe(1)
    expect(await seatsTaken(event.id)).toBe(1)
  })

  it('the database itself refuses a second active registration and a seat beyond capacity', async () => {
    const event = await makeEvent(app, { max_attendees: 1 })
    const { user } = await makeUser(app)
    const pool = poolOf(app.payload)
    await expect(pool.query(`UPDATE events SET seats_taken = 2 WHERE id = $1`, [event.id])).rejects.toMatchObject({ code: '23514' })
    const insert = `INSERT INTO registrations (event_id, user_id, status, payment_status, booking_date, holds_seat) VALUES ($1, $2, 'confirmed', 'not_required', now(), true)`
    await pool.query(insert, [event.id, user.id])
    await expect(pool.query(insert, [event.id, user.id])).rejects.toMatchObject({ code: '23505', constraint: 'registrations_one_active' })
  })
})

describe('cancellation and the waitlist', () => {
  it('DELETE frees the seat and offers it to the first waitlisted user, who claims it from the email', async () => {
    const event = await makeEvent(app, { max_attendees: 1, name: 'Waitlist party' })
    const [holder, first, second] = await makeUsers(app, 3)
    expect((await register(event.id, holder.token)).status).toBe(200)
    const joined = await app.api.post(`/api/v1/events/${event.id}/waitlist/`, {}, { token: first.token })
    expect(joined.status).toBe(201)
    expect(joined.body).toMatchObject({ position: 1, registration: { status: 'waitlisted', ticket_code: null } })
    expect((await app.api.post(`/api/v1/events/${event.id}/waitlist`, {}, { token: second.token })).body.position).toBe(2)

    const cancelled = await app.api.delete(`/api/v1/events/${event.id}/register/`, { token: holder.token })
    expect(cancelled.status).toBe(200)
    expect(cancelled.body).toMatchObject({ status: 'cancelled', detail: 'Registration cancelled.' })
    expect(await seatsTaken(event.id)).toBe(1) // now held for the first in line

    const offer = await smtp.waitFor(
      (mail) => recipients(mail).includes(first.email) && mail.subject === 'A seat opened up: Waitlist party',
    )
    const token = /token=([\w-]+)/.exec(offer.text ?? '')?.[1] ?? ''
    const status = await app.api.get(`/api/v1/events/${event.id}/status`, { token: first.token })
    expect(status.body).toMatchObject({ status: 'waitlisted', waitlist_position: 1, is_registered: false })

    const claim = await app.api.post(`/api/v1/events/${event.id}/waitlist/claim`, { token })
    expect(claim.status).toBe(200)
    expect(claim.body).toMatchObject({ status: 'confirmed', user_id: first.user.id, ticket_code: expect.stringMatching(/^INNO-/) })
    expect((await app.api.post(`/api/v1/events/${event.id}/waitlist/claim`, { token })).status).toBe(400)
    expect(await seatsTaken(event.id)).toBe(1)
    expect((await app.api.get(`/api/v1/events/${event.id}/status/`, { token: second.token })).body.waitlist_position).toBe(1)
  })

  it('passes an unclaimed offer to the next person when it expires (cron job)', async () => {
    const event = await makeEvent(app, { max_attendees: 1, name: 'Expiring offer' })
    const [holder, sleepy, next] = await makeUsers(app, 3)
    await register(event.id, holder.token)
    await app.api.post(`/api/v1/events/${event.id}/waitlist`, {}, { token: sleepy.token })
    await app.api.post(`/api/v1/events/${event.id}/waitlist`, {}, { token: next.token })
    await app.api.delete(`/api/v1/events/${event.id}/register`, { token: holder.token })
    await smtp.waitFor((mail) => recipients(mail).includes(sleepy.email) && mail.subject === 'A seat opened up: Expiring offer')
    expect(await expireWaitlistOffers(app.payload, new Date(Date.now() + 23 * 3_600_000))).toBe(0) // window not over yet
    expect(await expireWaitlistOffers(app.payload, new Date(Date.now() + 25 * 3_600_000))).toBe(1)
    await smtp.waitFor((mail) => recipients(mail).includes(next.email) && mail.subject === 'A seat opened up: Expiring offer')
    expect((await app.api.get(`/api/v1/events/${event.id}/status`, { token: sleepy.token })).body.status).toBe('cancelled')
    expect(await seatsTaken(event.id)).toBe(1)
    expect(await heldSeats(event.id)).toBe(1)
  })

  it('refuses to waitlist while seats are free, and twice for the same person', async () => {
    const event = await makeEvent(app, { max_attendees: 1 })
    const [holder, waiting] = await makeUsers(app, 2)
    const early = await app.api.post(`/api/v1/events/${event.id}/waitlist`, {}, { token: waiting.token })
    expect(early.status).toBe(409)
    expect(early.body.detail).toBe('This event still has seats: register for it instead.')
    await register(event.id, holder.token)
    expect((await app.api.post(`/api/v1/events/${event.id}/waitlist`, {}, { token: waiting.token })).status).toBe(201)
    const twice = await app.api.post(`/api/v1/events/${event.id}/waitlist`, {}, { token: waiting.token })
    expect(twice).toMatchObject({ status: 409, body: { detail: 'You are already on the waitlist for this event.' } })
    expect((await app.api.delete(`/api/v1/events/${event.id}/waitlist/`, { token: waiting.token })).body.status).toBe('cancelled')
  })

  it('cancelling twice answers 409 and frees one seat only', async () => {
    const event = await makeEvent(app, { max_attendees: 5 })
    const { token } = await makeUser(app)
    const registration = await register(event.id, token)
    const results = await Promise.all([1, 2, 3].map(() => app.api.put(`/api/v1/bookings/${registration.body.id}/cancel`, {}, { token })))
    expect(results.filter((res) => res.status === 200)).toHaveLength(1)
    expect(results.filter((res) => res.status === 409)).toHaveLength(2)
    expect(await seatsTaken(event.id)).toBe(0)
  })
})

describe('tickets and check-in', () => {
  it('GET registrations/{id}/ticket returns the ticket with an SVG QR code; others get 404', async () => {
    const event = await makeEvent(app)
    const { token } = await makeUser(app)
    const registration = await register(event.id, token)
    const res = await app.api.get(`/api/v1/registrations/${registration.body.id}/ticket/`, { token })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ ticket_code: registration.body.ticket_code, status: 'confirmed', event: { id: event.id } })
    expect(String(res.body.qr_code_svg)).toMatch(/^<svg[\s\S]*<\/svg>\s*$/)
    expect(String(res.body.qr_code_data_url)).toMatch(/^data:image\/svg\+xml;base64,/)
    const stranger = await makeUser(app)
    expect((await app.api.get(`/api/v1/registrations/${registration.body.id}/ticket`, { token: stranger.token })).status).toBe(404)
  })

  it('checks a ticket in once; the second scan is 409 with when it was first scanned', async () => {
    const event = await makeEvent(app)
    const staff = await makeStaff(app, 'manager')
    const { token } = await makeUser(app)
    const registration = await register(event.id, token)
    const code = String(registration.body.ticket_code)
    const first = await app.api.post(`/api/v1/events/${event.id}/check-in/`, { ticket_code: code.toLowerCase() }, { token: staff.token })
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ status: 'checked_in', checked_in_at: expect.any(String), detail: 'Checked in.' })
    const second = await app.api.post(`/api/v1/events/${event.id}/check-in`, { ticket_code: code }, { token: staff.token })
    expect(second.status).toBe(409)
    expect(second.body).toEqual({ detail: `This ticket was already checked in at ${first.body.checked_in_at}.` })
  })

  it('admits a ticket scanned at two doors at once exactly once', async () => {
    const event = await makeEvent(app)
    const staff = await makeStaff(app)
    const { token } = await makeUser(app)
    const code = String((await register(event.id, token)).body.ticket_code)
    const scans = await Promise.all(
      Array.from({ length: 5 }, () => app.api.post(`/api/v1/events/${event.id}/check-in`, { ticket_code: code }, { token: staff.token })),
    )
    expect(scans.map((scan) => scan.status).sort()).toEqual([200, 409, 409, 409, 409])
  })

  it("lets only staff and the event's facilitator check in, and knows unknown codes", async () => {
    const event = await makeEvent(app)
    const member = await makeUser(app)
    expect(
      (await app.api.post(`/api/v1/events/${event.id}/check-in`, { ticket_code: 'INNO-AAAAAAAA' }, { token: member.token })).status,
    ).toBe(403)
    const staff = await makeStaff(app)
    const unknown = await app.api.post(`/api/v1/events/${event.id}/check-in`, { ticket_code: 'INNO-AAAAAAAA' }, { token: staff.token })
    expect(unknown).toMatchObject({ status: 404, body: { detail: 'No ticket with this code for this event.' } })
  })

  it('does not cancel a checked-in ticket', async () => {
    const event = await makeEvent(app)
    const staff = await makeStaff(app)
    const { token } = await makeUser(app)
    const registration = await register(event.id, token)
    await app.api.post(`/api/v1/events/${event.id}/check-in`, { ticket_code: registration.body.ticket_code }, { token: staff.token })
    const res = await app.api.delete(`/api/v1/events/${event.id}/register`, { token })
    expect(res.status).toBe(404)
  })
})

describe('attendee lists', () => {
  it('staff export the attendee list as CSV, safe for spreadsheets', async () => {
    const event = await makeEvent(app)
    const staff = await makeStaff(app)
    const attendee = await makeUser(app, { full_name: '=HYPERLINK("evil")' })
    await app.api.post(`/api/v1/events/${event.id}/register`, { notes: 'Vegetarian, please' }, { token: attendee.token })
    const json = await app.api.get(`/api/v1/events/${event.id}/attendees`, { token: staff.token })
    expect(json.body).toMatchObject({
      event_id: event.id,
      total: 1,
      attendees: [{ status: 'confirmed', notes: 'Vegetarian, please', user: { email: attendee.email } }],
    })
    const csv = await app.api.get(`/api/v1/events/${event.id}/attendees.csv`, { token: staff.token })
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const [header, row] = csv.text.trim().split('\n')
    expect(header).toBe('registration_id,ticket_code,status,name,email,phone,booked_at,checked_in_at,payment_status,notes')
    expect(row).toContain(`"'=HYPERLINK(""evil"")"`)
    expect(row).toContain(attendee.email)
  })

  it('is not for members', async () => {
    const event = await makeEvent(app)
    const { token } = await makeUser(app)
    expect((await app.api.get(`/api/v1/events/${event.id}/attendees.csv`, { token })).status).toBe(403)
  })
})

describe('bookings (spec 004)', () => {
  it("POST bookings creates a booking with spec 004's body", async () => {
    const event = await makeEvent(app, { event_type: 'session', name: 'Morning Meditation Session' })
    const { token, user } = await makeUser(app, { first_name: 'John', last_name: 'Doe' })
    const res = await app.api.post('/api/v1/bookings/', { event_id: event.id, notes: 'Looking forward to this session' }, { token })
    expect(res.status).toBe(201)
    expect(res.body).toEqual({
      message: 'Booking created successfully',
      booking: {
        id: expect.any(Number),
        user: { id: user.id, email: user.email, first_name: 'John', last_name: 'Doe' },
        event: {
          id: event.id,
          title: 'Morning Meditation Session',
          event_type: 'session',
          start_datetime: new Date(event.start_datetime).toISOString(),
        },
        booking_date: expect.any(String),
        status: 'confirmed',
        notes: 'Looking forward to this session',
        payment_status: 'not_required',
        ticket_code: expect.stringMatching(/^INNO-/),
        created_at: expect.any(String),
        updated_at: expect.any(String),
      },
      crm_notified: true,
    })
  })

  it("lists, shows and cancels the caller's bookings; another user gets 404", async () => {
    const { token } = await makeUser(app)
    const past = await makeEvent(app)
    const upcoming = await makeEvent(app, {
      start_datetime: new Date(Date.now() + 40 * 86_400_000).toISOString(),
      end_datetime: new Date(Date.now() + 40 * 86_400_000 + 3_600_000).toISOString(),
    })
    const a = await app.api.post('/api/v1/bookings', { event_id: past.id }, { token })
    await app.api.post('/api/v1/bookings', { event_id: upcoming.id }, { token })
    await poolOf(app.payload).query(
      `UPDATE events SET start_datetime = now() - interval '2 days', end_datetime = now() - interval '1 day' WHERE id = $1`,
      [past.id],
    )
    const list = await app.api.get('/api/v1/bookings/?per_page=1', { token })
    expect(list.body.pagination).toEqual({ page: 1, pages: 2, per_page: 1, total: 2, has_next: true, has_prev: false })
    const upcomingOnly = await app.api.get('/api/v1/bookings?upcoming=true', { token })
    expect(upcomingOnly.body.bookings.map((booking) => booking.event.id)).toEqual([upcoming.id])
    const stranger = await makeUser(app)
    expect(await app.api.get(`/api/v1/bookings/${a.body.booking.id}`, { token: stranger.token })).toMatchObject({
      status: 404,
      body: { detail: 'Booking not found.', error: 'Booking not found.' },
    })
    expect((await app.api.put(`/api/v1/bookings/${a.body.booking.id}/cancel`, {}, { token: stranger.token })).status).toBe(404)
    const shown = await app.api.get(`/api/v1/bookings/${a.body.booking.id}/`, { token })
    expect(shown.body.booking).toMatchObject({ id: a.body.booking.id, status: 'confirmed' })
    const cancelled = await app.api.put(`/api/v1/bookings/${a.body.booking.id}/cancel/`, {}, { token })
    expect(cancelled.body).toEqual({
      message: 'Booking cancelled successfully',
      booking: { id: a.body.booking.id, status: 'cancelled', updated_at: expect.any(String) },
    })
    const confirmedOnly = await app.api.get('/api/v1/bookings?status=CONFIRMED', { token })
    expect(confirmedOnly.body.bookings.map((booking) => booking.event.id)).toEqual([upcoming.id])
  })

  it("POST events/book answers in HumanLink's envelope (spec 001)", async () => {
    const event = await makeEvent(app)
    const { token } = await makeUser(app)
    const res = await app.api.post('/api/v1/events/book/', { event_id: event.id }, { token })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      success: true,
      message: 'Event booked successfully',
      data: { booking: { event: { id: event.id }, status: 'confirmed' }, ticket_code: expect.any(String) },
    })
    const paid = await makeEvent(app, { price_cents: 500 })
    const refused = await app.api.post('/api/v1/events/book', { event_id: paid.id }, { token })
    expect(refused.status).toBe(402)
    expect(refused.body).toMatchObject({ success: false, detail: { message: 'Payment required', event_id: paid.id, price_cents: 500 } })
  })
})
