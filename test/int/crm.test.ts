import { createHmac } from 'node:crypto'
import { drainOutbox } from '../../src/jobs/drainOutbox.ts'
import { sendWaitingDigest } from '../../src/domain/crm/sendWaitingDigest.ts'
import type { OutboxServices } from '../../src/domain/outbox/handlers.ts'
import { startTestApp, type TestApp } from '../helpers/app.ts'
import type { Json } from '../helpers/api.ts'
import { sqlRows } from '../helpers/db.ts'
import { makeEvent, makeFacilitator, makeStaff, makeUser, makeUsers, unique, type TestUser } from '../helpers/factories.ts'
import { startFakeCrm, type FakeCrm } from '../helpers/fakeCrm.ts'

const TOKEN = 'crm-test-bearer-token-0123456789'
let app: TestApp
let fake: FakeCrm
let services: OutboxServices
let admin: TestUser
let manager: TestUser

beforeAll(async () => {
  fake = await startFakeCrm()
  // No outbox worker: the tests drain the outbox themselves, as one or two instances, at the times they pick.
  app = await startTestApp({ env: { CRM_PORT: '0', CRM_SERVICE_URL: fake.url, CRM_BEARER_TOKEN: TOKEN }, outbox: false })
  services = { payload: app.payload, push: { emit: () => undefined } }
  ;[admin, manager] = await Promise.all([makeStaff(app, 'admin'), makeStaff(app, 'manager')])
}, 60_000)
afterAll(async () => {
  await app.stop()
  await fake.stop()
})

/** Drains every due outbox message as of `now`, `batch` at a time (one instance's worker). */
async function drainAll(now = new Date(), batch = 25): Promise<void> {
  while ((await drainOutbox(services, now, batch)) > 0);
}
const later = (seconds: number) => new Date(Date.now() + seconds * 1000)

const crmGet = (path: string, token = TOKEN) => app.api.get(`/api/v1/crm${path}`, { token })
const crmPut = (path: string, body: unknown, token = TOKEN) => app.api.put(`/api/v1/crm${path}`, body, { token })
const crmRows = (where: string, values: unknown[]) =>
  sqlRows<{ id: number; booking_id: string; status: string; crm_status: string }>(
    app,
    `SELECT id, booking_id, status, crm_status FROM crm_bookings WHERE ${where}`,
    values,
  )
const historyOf = (crmBookingId: number) =>
  sqlRows<{ from_status: string | null; to_status: string }>(
    app,
    'SELECT from_status, to_status FROM crm_status_changes WHERE crm_booking_id = $1 ORDER BY id',
    [crmBookingId],
  )
const outboxOf = (registrationId: number) =>
  sqlRows<{ id: number; status: string }>(
    app,
    `SELECT id, status FROM outbox WHERE topic = 'crm.booking' AND (data->>'registration_id')::int = $1`,
    [registrationId],
  )

async function book(eventId: number, user: TestUser) {
  const res = await app.api.post('/api/v1/bookings', { event_id: eventId, notes: 'See you there' }, { token: user.token })
  expect(res.status).toBe(201)
  expect(res.body.crm_notified).toBe(true)
  return Number(res.body.booking.id)
}

let externalBookingId = 700_000
type NotifyInput = { facilitator: number; event: number; type?: string; user?: number }
function notification({ facilitator, event, type = 'session', user = 1 }: NotifyInput) {
  externalBookingId += 1
  return {
    booking_id: externalBookingId,
    user: { id: user, email: `u${user}@example.com`, name: `User ${user}`, phone: '+1234567890' },
    event: { id: event, title: `Event ${event}`, type, start_datetime: '2030-01-15T07:00:00Z', location: 'Wellness Center' },
    facilitator_id: facilitator,
    booking_date: '2030-01-01T12:00:00Z',
    notes: 'Looking forward to this session',
  }
}
async function notify(input: NotifyInput): Promise<number> {
  const body = notification(input)
  const res = await app.api.post('/api/v1/crm/notify', body, { token: TOKEN })
  expect(res.status).toBe(200)
  return body.booking_id
}

describe('delivery from the booking flow', () => {
  it('50 bookings created in parallel end as exactly 50 CRM rows, drained by two instances at once', async () => {
    const { facilitator } = await makeFacilitator(app)
    const event = await makeEvent(app, { max_attendees: 60, facilitator: facilitator.id, event_type: 'session' })
    const users = await makeUsers(app, 50)
    const ids = await Promise.all(users.map((user) => book(event.id, user)))
    expect(new Set(ids).size).toBe(50)
    // Committed with the booking: every one has its outbox row before any worker ran.
    const pending = await sqlRows(app, `SELECT 1 FROM outbox WHERE topic = 'crm.booking' AND (data->>'registration_id')::int = ANY($1)`, [
      ids,
    ])
    expect(pending).toHaveLength(50)
    await Promise.all([drainAll(new Date(), 5), drainAll(new Date(), 5)])
    const rows = await crmRows('event_id = $1', [event.id])
    expect(rows).toHaveLength(50)
    expect(new Set(rows.map((row) => Number(row.booking_id)))).toEqual(new Set(ids))
    expect(rows.every((row) => row.status === 'received' && row.crm_status === 'new')).toBe(true)
    const arrivals = await sqlRows(
      app,
      'SELECT c.id FROM crm_status_changes c JOIN crm_bookings b ON b.id = c.crm_booking_id WHERE b.event_id = $1',
      [event.id],
    )
    expect(arrivals).toHaveLength(50)
    // And the external CRM (CRM_SERVICE_URL) heard of each booking exactly once (its deliveries came due after `now`).
    await Promise.all([drainAll(later(1), 5), drainAll(later(1), 5)])
    expect(ids.map((id) => fake.requestsFor(id).length)).toEqual(ids.map(() => 1))
  }, 120_000)

  it('a worker stopped between claim and write, then restarted, still leaves one row per booking', async () => {
    const event = await makeEvent(app)
    const id = await book(event.id, await makeUser(app))
    const [message] = await outboxOf(id)
    // The worker claimed the message (lease of 2 minutes) and died before it wrote anything.
    await sqlRows(
      app,
      `UPDATE outbox SET status = 'processing', attempts = attempts + 1, locked_until = now() + interval '2 minutes' WHERE id = $1`,
      [message.id],
    )
    await drainAll()
    expect(await crmRows('booking_id = $1', [id])).toHaveLength(0) // still leased to the dead worker
    await drainAll(later(180)) // restarted: the lease has run out, the message is claimed again
    const [row] = await crmRows('booking_id = $1', [id])
    expect(row).toMatchObject({ status: 'received', crm_status: 'new' })
    // Died after the write, before marking it done: the message runs again, and again on a second instance at once.
    await sqlRows(app, `UPDATE outbox SET status = 'processing', locked_until = now() - interval '1 second' WHERE id = $1`, [message.id])
    await Promise.all([drainAll(later(360)), drainAll(later(360))])
    expect(await crmRows('booking_id = $1', [id])).toHaveLength(1)
    expect(await historyOf(row.id)).toEqual([{ from_status: null, to_status: 'new' }])
    expect((await outboxOf(id))[0].status).toBe('done')
    expect(fake.requestsFor(id)).toHaveLength(1) // the re-runs changed nothing, so nothing was sent again
  })

  it('a cancel and a free registration through events/{id}/register reach the CRM too', async () => {
    const event = await makeEvent(app)
    const user = await makeUser(app)
    const registered = await app.api.post(`/api/v1/events/${event.id}/register`, {}, { token: user.token })
    expect(registered.status).toBe(200)
    const id = Number(registered.body.id)
    await drainAll()
    expect((await crmRows('booking_id = $1', [id]))[0]).toMatchObject({ status: 'received' })
    const cancelled = await app.api.put(`/api/v1/bookings/${id}/cancel`, {}, { token: user.token })
    expect(cancelled.status).toBe(200)
    await drainAll()
    const [row] = await crmRows('booking_id = $1', [id])
    expect(row).toMatchObject({ status: 'cancelled', crm_status: 'new' })
    expect(await historyOf(row.id)).toHaveLength(1)
  })

  it('the external CRM failing twice then succeeding gets the booking once more, delivered, signed, with backoff', async () => {
    const event = await makeEvent(app)
    const user = await makeUser(app, { first_name: 'Ada', last_name: 'Lovelace', phone: `+1555${Math.floor(1e6 + Math.random() * 8e6)}` })
    const id = await book(event.id, user)
    fake.failFor(id, 2)
    const start = Date.now() + 5000 // every message written so far is due
    await drainAll(new Date(start)) // the CRM row, then the first attempt (503)
    expect(fake.requestsFor(id).map((request) => request.answered)).toEqual([503])
    await drainAll(new Date(start + 1000)) // not due yet: the retry waits 2 s
    expect(fake.requestsFor(id)).toHaveLength(1)
    await drainAll(new Date(start + 3000))
    await drainAll(new Date(start + 10_000))
    await drainAll(new Date(start + 60_000)) // nothing left to send
    const requests = fake.requestsFor(id)
    expect(requests.map((request) => request.answered)).toEqual([503, 503, 200])
    for (const request of requests) {
      expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`)
      expect(request.headers['x-crm-signature']).toBe(`sha256=${createHmac('sha256', TOKEN).update(request.raw).digest('hex')}`)
      expect(JSON.parse(request.raw)).toEqual({
        booking_id: id,
        user: { id: user.user.id, email: user.email, name: 'Ada Lovelace', phone: user.user.phone },
        event: {
          id: event.id,
          title: event.name,
          type: 'meetup',
          start_datetime: new Date(event.start_datetime).toISOString(),
          location: null,
        },
        facilitator_id: null,
        booking_date: expect.any(String),
        notes: 'See you there',
        status: 'received',
      })
    }
    const [delivery] = await sqlRows(
      app,
      'SELECT delivery_attempts::int AS attempts, delivery_last_error AS last_error, delivery_delivered_at IS NOT NULL AS delivered FROM crm_bookings WHERE booking_id = $1',
      [id],
    )
    expect(delivery).toEqual({ attempts: 3, last_error: null, delivered: true })
  })
})

describe('POST /api/v1/crm/notify', () => {
  it('records an external booking once, however often it is sent', async () => {
    const body = notification({ facilitator: 910_001, event: 1 })
    const [first, second] = await Promise.all([
      app.api.post('/api/v1/crm/notify', body, { token: TOKEN }),
      app.api.post('/api/v1/crm/notify', body, { token: TOKEN }),
    ])
    expect(first.status).toBe(200)
    expect(first.body).toEqual({
      message: 'Booking notification received successfully',
      notification_id: expect.any(Number),
      status: 'success',
    })
    expect(second.body.notification_id).toBe(first.body.notification_id)
    expect(await crmRows('booking_id = $1', [body.booking_id])).toHaveLength(1)
  })

  it('answers 400 with the error body for an invalid notification', async () => {
    const res = await app.api.post('/api/v1/crm/notify', { booking_id: 'x', user: {} }, { token: TOKEN })
    expect(res.status).toBe(400)
    expect(res.body).toEqual(
      expect.objectContaining({ error: expect.any(String), errors: expect.objectContaining({ booking_id: expect.any(Array) }) }),
    )
  })
})

describe('GET /api/v1/crm/bookings', () => {
  const facilitator = 920_001
  let ids: number[]
  beforeAll(async () => {
    ids = []
    for (const input of [
      { facilitator, event: 501, user: 11 },
      { facilitator, event: 501, user: 12 },
      { facilitator, event: 502, user: 11, type: 'retreat' },
      { facilitator, event: 503, user: 13 },
      { facilitator: 920_002, event: 501, user: 11 },
    ])
      ids.push(await notify(input))
    await crmPut(`/bookings/${ids[3]}/status`, { crm_status: 'reviewed' })
  })

  const list = (query: string) => crmGet(`/bookings?${query}`)
  const bookingIds = (body: Json) => body.bookings.map((booking: Json) => Number(booking.booking_id))

  it('filters by facilitator, event, user, status and crm_status, and echoes them', async () => {
    const byFacilitator = await list(`facilitator_id=${facilitator}`)
    expect(byFacilitator.status).toBe(200)
    expect(bookingIds(byFacilitator.body)).toEqual([...ids.slice(0, 4)].reverse())
    const [{ total }] = await sqlRows<{ total: number }>(app, 'SELECT count(*)::int AS total FROM crm_bookings')
    expect(byFacilitator.body.summary).toEqual({ total_notifications: total, filtered_results: 4 })
    expect(byFacilitator.body.filters_applied).toEqual({
      facilitator_id: facilitator,
      event_id: null,
      user_id: null,
      status: null,
      crm_status: null,
    })
    expect(bookingIds((await list(`facilitator_id=${facilitator}&event_id=501`)).body)).toEqual([ids[1], ids[0]])
    expect(bookingIds((await list(`facilitator_id=${facilitator}&user_id=11`)).body)).toEqual([ids[2], ids[0]])
    expect(bookingIds((await list(`event_id=501&user_id=11`)).body)).toEqual([ids[4], ids[0]])
    expect(bookingIds((await list(`facilitator_id=${facilitator}&crm_status=REVIEWED`)).body)).toEqual([ids[3]])
    expect(bookingIds((await list(`facilitator_id=${facilitator}&status=cancelled`)).body)).toEqual([])
    const full = await list(`facilitator_id=${facilitator}&status=received&crm_status=new&user_id=12&event_id=501`)
    expect(full.body.filters_applied).toEqual({
      facilitator_id: facilitator,
      event_id: 501,
      user_id: 12,
      status: 'received',
      crm_status: 'new',
    })
    expect(full.body.bookings).toEqual([
      {
        id: expect.any(Number),
        booking_id: ids[1],
        source: 'external',
        user: { id: 12, email: 'u12@example.com', name: 'User 12', phone: '+1234567890' },
        event: { id: 501, title: 'Event 501', type: 'session', start_datetime: '2030-01-15T07:00:00.000Z', location: 'Wellness Center' },
        facilitator_id: facilitator,
        booking_date: '2030-01-01T12:00:00.000Z',
        notes: 'Looking forward to this session',
        received_at: expect.any(String),
        status: 'received',
        crm_status: 'new',
        crm_notes: null,
        assigned_to: null,
      },
    ])
  })

  it('paginates: pages, has_next/has_prev, beyond the last page, and the per_page bounds', async () => {
    const page = (n: number) => list(`facilitator_id=${facilitator}&per_page=3&page=${n}`)
    const first = await page(1)
    expect(first.body.pagination).toEqual({ page: 1, pages: 2, per_page: 3, total: 4, has_next: true, has_prev: false })
    expect(bookingIds(first.body)).toEqual([ids[3], ids[2], ids[1]])
    const second = await page(2)
    expect(second.body.pagination).toEqual({ page: 2, pages: 2, per_page: 3, total: 4, has_next: false, has_prev: true })
    expect(bookingIds(second.body)).toEqual([ids[0]])
    const beyond = await page(3)
    expect(beyond.status).toBe(200)
    expect(beyond.body.bookings).toEqual([])
    expect(beyond.body.pagination).toMatchObject({ page: 3, has_next: false, has_prev: true })
    expect((await list(`facilitator_id=${facilitator}`)).body.pagination.per_page).toBe(10)
    expect((await list(`facilitator_id=${facilitator}&per_page=100`)).body.pagination.per_page).toBe(100)
    for (const bad of [
      'per_page=101',
      'per_page=0',
      'page=0',
      'page=x',
      'facilitator_id=abc',
      'event_id=-1',
      'status=lost',
      'crm_status=archived',
    ]) {
      const res = await list(bad)
      expect(res.status).toBe(400)
      expect(res.body.error).toEqual(expect.any(String))
    }
  })

  it('GET bookings/{booking_id} answers one booking with its history, 404 for an unknown one', async () => {
    const res = await crmGet(`/bookings/${ids[3]}`)
    expect(res.status).toBe(200)
    expect(res.body.booking).toMatchObject({ booking_id: ids[3], crm_status: 'reviewed', status: 'received' })
    expect(res.body.booking.status_history).toEqual([
      { from_status: null, to_status: 'new', by: { actor: 'system', user_id: null }, at: expect.any(String), notes: null },
      { from_status: 'new', to_status: 'reviewed', by: { actor: 'service', user_id: null }, at: expect.any(String), notes: null },
    ])
    const missing = await crmGet('/bookings/987654321')
    expect(missing.status).toBe(404)
    expect(missing.body).toEqual(expect.objectContaining({ error: 'Booking not found' }))
  })
})

describe('PUT /api/v1/crm/bookings/{booking_id}/status', () => {
  it('moves forward and skips ahead freely, refuses invalid values, and moves back only for managers and admins', async () => {
    const id = await notify({ facilitator: 930_001, event: 1 })
    const skip = await crmPut(`/bookings/${id}/status`, { crm_status: 'contacted', notes: 'Called customer to confirm attendance' })
    expect(skip.status).toBe(200)
    expect(skip.body).toEqual({
      message: 'Booking status updated successfully',
      booking_id: id,
      old_status: 'new',
      new_status: 'contacted',
      updated_at: expect.any(String),
    })
    const invalid = await crmPut(`/bookings/${id}/status`, { crm_status: 'archived' })
    expect(invalid.status).toBe(400)
    expect(invalid.body).toEqual(
      expect.objectContaining({ error: expect.any(String), errors: expect.objectContaining({ crm_status: expect.any(Array) }) }),
    )
    expect((await crmPut(`/bookings/${id}/status`, {})).status).toBe(400)
    const back = await crmPut(`/bookings/${id}/status`, { crm_status: 'reviewed' })
    expect(back.status).toBe(403)
    expect(back.body.error).toMatch(/manager or admin/)
    const byManager = await crmPut(`/bookings/${id}/status`, { crm_status: 'reviewed', notes: 'Reopened' }, manager.token)
    expect(byManager.body).toMatchObject({ old_status: 'contacted', new_status: 'reviewed' })
    const same = await crmPut(`/bookings/${id}/status`, { crm_status: 'reviewed' })
    expect(same.body).toMatchObject({ old_status: 'reviewed', new_status: 'reviewed' })
    expect((await crmPut(`/bookings/${id}/status`, { crm_status: 'completed' }, admin.token)).body).toMatchObject({
      new_status: 'completed',
    })
    expect((await crmPut('/bookings/987654321/status', { crm_status: 'reviewed' })).status).toBe(404)
    const history = (await crmGet(`/bookings/${id}`)).body.booking.status_history
    expect(history.map((change: Json) => [change.from_status, change.to_status, change.by.actor, change.by.user_id, change.notes])).toEqual(
      [
        [null, 'new', 'system', null, null],
        ['new', 'contacted', 'service', null, 'Called customer to confirm attendance'],
        ['contacted', 'reviewed', 'staff', manager.user.id, 'Reopened'],
        ['reviewed', 'completed', 'staff', admin.user.id, null],
      ],
    )
  })

  it('applies concurrent moves one after the other, each once in the history', async () => {
    const id = await notify({ facilitator: 930_002, event: 1 })
    const moves = await Promise.all(
      ['reviewed', 'contacted', 'confirmed'].map((stage) => crmPut(`/bookings/${id}/status`, { crm_status: stage }, admin.token)),
    )
    expect(moves.map((move) => move.status)).toEqual([200, 200, 200])
    const history = (await crmGet(`/bookings/${id}`)).body.booking.status_history
    expect(history).toHaveLength(4)
    for (let i = 1; i < history.length; i += 1) expect(history[i].from_status).toBe(history[i - 1].to_status)
  })
})

describe('facilitator statistics and dashboard', () => {
  const facilitator = 940_001
  let ids: number[]
  beforeAll(async () => {
    ids = []
    for (const input of [
      { facilitator, event: 601, user: 21 },
      { facilitator, event: 601, user: 22 },
      { facilitator, event: 602, user: 21, type: 'retreat' },
      { facilitator, event: 603, user: 23, type: 'workshop' },
    ])
      ids.push(await notify(input))
    // One booking arrived more than 7 days ago: not recent.
    await sqlRows(app, `UPDATE crm_bookings SET received_at = received_at - interval '8 days' WHERE booking_id = $1`, [ids[3]])
    for (const [index, stages] of [
      [0, ['reviewed', 'contacted', 'completed']],
      [1, ['reviewed', 'contacted']],
      [2, ['reviewed']],
    ] as const)
      for (const stage of stages) expect((await crmPut(`/bookings/${ids[index]}/status`, { crm_status: stage })).status).toBe(200)
  })

  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b)
    const mid = Math.floor(sorted.length / 2)
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  }
  /** Each finished stay in a stage, in seconds, from the histories the API shows. */
  async function staysByStage(): Promise<Record<string, number[]>> {
    const stays: Record<string, number[]> = {}
    for (const id of ids) {
      const history = (await crmGet(`/bookings/${id}`)).body.booking.status_history
      for (let i = 0; i + 1 < history.length; i += 1) {
        const seconds = (Date.parse(String(history[i + 1].at)) - Date.parse(String(history[i].at))) / 1000
        ;(stays[String(history[i].to_status)] ??= []).push(seconds)
      }
    }
    return stays
  }

  it('counts total, sessions, retreats, recent, unique users and events, and the exact median time in each stage', async () => {
    const res = await crmGet(`/facilitators/${facilitator}/bookings?per_page=2`)
    expect(res.status).toBe(200)
    const stays = await staysByStage()
    expect(stays.new).toHaveLength(3)
    expect(res.body.statistics).toEqual({
      total_bookings: 4,
      session_bookings: 2,
      retreat_bookings: 1,
      recent_bookings: 3,
      unique_users: 3,
      unique_events: 3,
      time_in_stage: {
        new: { median_seconds: expect.closeTo(median(stays.new), 3), bookings: 3 },
        reviewed: { median_seconds: expect.closeTo(median(stays.reviewed), 3), bookings: 2 },
        contacted: { median_seconds: expect.closeTo(median(stays.contacted), 3), bookings: 1 },
        confirmed: { median_seconds: null, bookings: 0 },
        completed: { median_seconds: null, bookings: 0 },
      },
    })
    expect(res.body.facilitator_id).toBe(facilitator)
    expect(res.body.pagination).toEqual({ page: 1, pages: 2, per_page: 2, total: 4, has_next: true, has_prev: false })
    const filtered = await crmGet(`/facilitators/${facilitator}/bookings?event_type=RETREAT`)
    expect(filtered.body.bookings.map((booking: Json) => Number(booking.booking_id))).toEqual([ids[2]])
    expect(filtered.body.statistics.total_bookings).toBe(4) // statistics cover all of the facilitator's bookings
    const byStage = await crmGet(`/facilitators/${facilitator}/bookings?crm_status=contacted`)
    expect(byStage.body.bookings.map((booking: Json) => Number(booking.booking_id))).toEqual([ids[1]])
    expect((await crmGet(`/facilitators/${facilitator}/bookings?status=cancelled`)).body.bookings).toEqual([])
    expect((await crmGet(`/facilitators/${facilitator}/bookings?status=received&page=2&per_page=3`)).body.pagination).toEqual({
      page: 2,
      pages: 2,
      per_page: 3,
      total: 4,
      has_next: false,
      has_prev: true,
    })
    for (const bad of ['status=lost', 'crm_status=archived', 'per_page=101', 'page=0']) {
      expect((await crmGet(`/facilitators/${facilitator}/bookings?${bad}`)).status).toBe(400)
    }
  })

  it('the dashboard has the summary, popular events, recent bookings and trends', async () => {
    const res = await crmGet(`/facilitators/${facilitator}/dashboard`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      facilitator_id: facilitator,
      summary: expect.objectContaining({
        total_bookings: 4,
        session_bookings: 2,
        retreat_bookings: 1,
        recent_bookings_count: 3,
        unique_events: 3,
        unique_users: 3,
      }),
      popular_events: [
        { event_id: 601, event_title: 'Event 601', event_type: 'session', booking_count: 2 },
        { event_id: 602, event_title: 'Event 602', event_type: 'retreat', booking_count: 1 },
        { event_id: 603, event_title: 'Event 603', event_type: 'workshop', booking_count: 1 },
      ],
      recent_bookings: expect.any(Array),
      booking_trends: { sessions_vs_retreats: { sessions: 2, retreats: 1 } },
      generated_at: expect.any(String),
    })
    expect(res.body.recent_bookings.map((booking: Json) => Number(booking.booking_id))).toEqual([ids[2], ids[1], ids[0], ids[3]])
  })

  it('a facilitator sees their own bookings and dashboard with their JWT, and gets 403 for another facilitator', async () => {
    const { facilitator: own, account } = await makeFacilitator(app)
    const other = await makeFacilitator(app)
    for (const path of [`/facilitators/${own.id}/bookings`, `/facilitators/${own.id}/dashboard`]) {
      const res = await crmGet(path, account.token)
      expect(res.status).toBe(200)
      expect(res.body.facilitator_id).toBe(own.id)
    }
    for (const path of [`/facilitators/${other.facilitator.id}/bookings`, `/facilitators/${other.facilitator.id}/dashboard`, '/bookings']) {
      const res = await crmGet(path, account.token)
      expect(res.status).toBe(403)
      expect(res.body.error).toEqual(expect.any(String))
    }
  })
})

describe('authentication', () => {
  const routes = (bookingId: number): [string, string, unknown?][] => [
    ['POST', '/notify', notification({ facilitator: 950_001, event: 1 })],
    ['GET', '/bookings'],
    ['GET', `/bookings/${bookingId}`],
    ['PUT', `/bookings/${bookingId}/status`, { crm_status: 'reviewed' }],
    ['GET', '/facilitators/950001/bookings'],
    ['GET', '/facilitators/950001/dashboard'],
  ]

  it('answers 401 with the error body to a wrong or missing token on every route, on both ports', async () => {
    const id = await notify({ facilitator: 950_001, event: 1 })
    const crmUrl = String(app.crmUrl)
    for (const [method, path, body] of routes(id)) {
      for (const url of [`${app.url}/api/v1/crm${path}`, `${crmUrl}/api${path}`]) {
        for (const authorization of [undefined, 'Bearer wrong-token', `Bearer ${TOKEN}x`, TOKEN, 'Basic abc']) {
          const res = await fetch(url, {
            method,
            headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
            body: body === undefined ? undefined : JSON.stringify(body),
          })
          expect([method, url, authorization, res.status]).toEqual([method, url, authorization, 401])
          expect(await res.json()).toEqual(expect.objectContaining({ error: 'Invalid or missing bearer token' }))
        }
      }
    }
    const member = await makeUser(app)
    expect((await crmGet('/bookings', member.token)).status).toBe(403)
    expect((await crmGet('/bookings', admin.token)).status).toBe(200)
    // Refused before the input is looked at: an invalid body without a token is a 401, not a 400.
    expect((await app.api.post('/api/v1/crm/notify', { nonsense: true })).status).toBe(401)
  })
})

describe('the CRM_PORT listener', () => {
  it("serves spec 004's paths, and /health with the CRM's body", async () => {
    const crm = String(app.crmUrl)
    const health = await fetch(`${crm}/health`)
    expect(health.status).toBe(200)
    const [{ total, facilitators, events }] = await sqlRows<{ total: number; facilitators: number; events: number }>(
      app,
      'SELECT count(*)::int AS total, count(DISTINCT facilitator_id)::int AS facilitators, count(DISTINCT event_id)::int AS events FROM crm_bookings',
    )
    expect(await health.json()).toEqual({
      status: 'healthy',
      service: 'CRM Notification Service',
      port: Number(new URL(crm).port),
      timestamp: expect.any(String),
      notifications_received: total,
      unique_facilitators: facilitators,
      unique_events: events,
      endpoints: [
        '/health',
        '/api/notify',
        '/api/bookings',
        '/api/facilitators/{id}/bookings',
        '/api/facilitators/{id}/dashboard',
        '/api/bookings/{id}',
        '/api/bookings/{id}/status',
      ],
    })
    const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }
    const body = notification({ facilitator: 960_001, event: 77, type: 'retreat' })
    const notified = await fetch(`${crm}/api/notify`, { method: 'POST', headers: auth, body: JSON.stringify(body) })
    expect(notified.status).toBe(200)
    expect(await notified.json()).toMatchObject({ status: 'success' })
    const one = await fetch(`${crm}/api/bookings/${body.booking_id}/`, { headers: auth })
    expect(((await one.json()) as { booking: { crm_status: string } }).booking.crm_status).toBe('new')
    const moved = await fetch(`${crm}/api/bookings/${body.booking_id}/status`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ crm_status: 'confirmed' }),
    })
    expect(await moved.json()).toMatchObject({ old_status: 'new', new_status: 'confirmed' })
    const list = await fetch(`${crm}/api/bookings?facilitator_id=960001`, { headers: auth })
    const same = await crmGet('/bookings?facilitator_id=960001')
    expect(await list.json()).toEqual(same.body)
    const stats = await fetch(`${crm}/api/facilitators/960001/bookings`, { headers: auth })
    expect(((await stats.json()) as { statistics: { retreat_bookings: number } }).statistics.retreat_bookings).toBe(1)
    const dashboard = await fetch(`${crm}/api/facilitators/960001/dashboard`, { headers: auth })
    expect(dashboard.status).toBe(200)
    expect((await fetch(`${crm}/api/unknown`, { headers: auth })).status).toBe(404)
    // The main port keeps its own /health (spec 004's main API body).
    expect(await (await fetch(`${app.url}/health`)).json()).toMatchObject({ status: 'healthy', database: 'connected' })
  })
})

describe('admin: flagged bookings and the daily digest', () => {
  it('flags bookings still new after 24 h and sends staff one digest a day listing them', async () => {
    const waiting = await notify({ facilitator: 970_001, event: 1 })
    const fresh = await notify({ facilitator: 970_001, event: 2 })
    await sqlRows(app, `UPDATE crm_bookings SET received_at = now() - interval '25 hours' WHERE booking_id = $1`, [waiting])
    const found = await app.payload.find({
      collection: 'crm-bookings',
      where: { facilitator_id: { equals: 970_001 } },
      overrideAccess: true,
      depth: 0,
    })
    const flags = Object.fromEntries(found.docs.map((doc) => [doc.booking_id, doc.waiting_over_24h]))
    expect(flags).toEqual({ [waiting]: true, [fresh]: false })

    const now = new Date()
    const first = await sendWaitingDigest(app.payload, now)
    expect(first.notified).toBeGreaterThanOrEqual(2) // admin and manager, at least
    const digests = await sqlRows<{ user_id: number; message: string }>(
      app,
      `SELECT n.recipient_id AS user_id, n.message FROM notifications n JOIN notification_types t ON t.id = n.type_id WHERE t.code = 'crm_bookings_waiting'`,
    )
    const forAdmin = digests.filter((digest) => digest.user_id === admin.user.id)
    expect(forAdmin).toHaveLength(1)
    expect(forAdmin[0].message).toContain(`#${waiting} `)
    expect(forAdmin[0].message).not.toContain(`#${fresh} `)
    expect((await sendWaitingDigest(app.payload, now)).notified).toBe(0) // once a day
  })

  it('a stage changed by staff in the admin goes into the history', async () => {
    const id = await notify({ facilitator: 970_002, event: 1 })
    const [row] = await crmRows('booking_id = $1', [id])
    await app.payload.update({
      collection: 'crm-bookings',
      id: row.id,
      data: { crm_status: 'contacted', crm_notes: `Left a message ${unique()}` },
      user: admin.user,
      overrideAccess: false,
    })
    expect(await historyOf(row.id)).toEqual([
      { from_status: null, to_status: 'new' },
      { from_status: 'new', to_status: 'contacted' },
    ])
    // What the admin's edit view shows: the history (join field) and the flag, through Payload's REST API.
    const rest = await app.api.get(`/api/crm-bookings/${row.id}?depth=1`, { token: admin.token })
    expect(rest.status).toBe(200)
    expect(rest.body).toMatchObject({ crm_status: 'contacted', waiting_over_24h: false })
    expect(rest.body.status_history.docs.map((change: Json) => change.to_status)).toEqual(['new', 'contacted'])
    expect((await app.api.get(`/api/crm-bookings/${row.id}`, { token: (await makeUser(app)).token })).status).toBe(403)
    await expect(sqlRows(app, 'DELETE FROM crm_status_changes WHERE crm_booking_id = $1', [row.id])).rejects.toThrow(/append-only/)
  })
})
