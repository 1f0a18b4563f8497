import { createLocalReq } from 'payload'
import type { Json } from '../helpers/api.ts'
import { startTestApp, type TestApp } from '../helpers/app.ts'
import { makeEvent, makeFacilitator, makeStaff, makeUser, unique } from '../helpers/factories.ts'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.stop())

const inDays = (days: number, hours = 0) => new Date(Date.now() + days * 86_400_000 + hours * 3_600_000).toISOString()
const ids = (events: Json) => events.map((event) => Number(event.id))

describe('GET /api/v1/events', () => {
  const tag = unique()
  let hackathon: { id: number }
  let retreat: { id: number }
  let meetup: { id: number }
  let facilitatorId: number
  beforeAll(async () => {
    const { facilitator } = await makeFacilitator(app, { name: `Jane ${tag}` })
    facilitatorId = facilitator.id
    hackathon = await makeEvent(app, {
      name: `Hackathon ${tag}`,
      event_type: 'hackathon',
      location_city: 'San Francisco',
      location_country: 'USA',
      start_datetime: inDays(10),
      end_datetime: inDays(12),
      max_attendees: 100,
    })
    retreat = await makeEvent(app, {
      name: `Retreat ${tag}`,
      event_type: 'retreat',
      location_city: 'Lisbon',
      location_country: 'Portugal',
      location: 'Wellness Center',
      start_datetime: inDays(20),
      end_datetime: inDays(22),
      facilitator: facilitator.id,
      price_cents: 2500,
    })
    meetup = await makeEvent(app, {
      name: `Meetup ${tag}`,
      event_type: 'meetup',
      location_city: 'Lisbon',
      location_country: 'Portugal',
      start_datetime: inDays(30),
      end_datetime: inDays(30, 2),
      max_attendees: 0,
    })
    await makeEvent(app, { name: `Draft ${tag}`, is_published: false })
    await makeEvent(app, { name: `Cancelled ${tag}`, status: 'cancelled' })
  })
  const list = (query: string) => app.api.get(`/api/v1/events/?search=${tag}&${query}`)

  it("lists published, active events soonest first with 000's and 004's pagination", async () => {
    const res = await list('')
    expect(res.status).toBe(200)
    expect(ids(res.body.events)).toEqual([hackathon.id, retreat.id, meetup.id])
    expect(res.body).toMatchObject({
      total: 3,
      page: 1,
      pages: 1,
      pagination: { page: 1, pages: 1, per_page: 20, total: 3, has_next: false, has_prev: false },
    })
  })

  it("carries every spec's event keys", async () => {
    const res = await list('type=retreat')
    expect(res.body.events[0]).toEqual(
      expect.objectContaining({
        id: retreat.id,
        name: `Retreat ${tag}`,
        title: `Retreat ${tag}`,
        description: '',
        event_type: 'retreat',
        facilitator: { id: facilitatorId, name: `Jane ${tag}`, bio: 'Certified meditation instructor' },
        location: 'Wellness Center',
        location_city: 'Lisbon',
        max_attendees: 10,
        max_participants: 10,
        capacity: 10,
        registration_count: 0,
        current_participants: 0,
        registered_count: 0,
        spots_remaining: 10,
        available_spots: 10,
        is_full: false,
        price_cents: 2500,
        price: 25,
        currency: 'USD',
        status: 'active',
        is_published: true,
        date: expect.any(String),
        start_datetime: expect.stringMatching(/Z$/),
      }),
    )
    const unlimited = (await list('event_type=meetup')).body.events[0]
    expect(unlimited).toMatchObject({ max_attendees: 0, capacity: null, spots_remaining: null, available_spots: null, is_full: false })
  })

  it.each([
    ['city', () => 'city=lisbon', ['Retreat', 'Meetup']],
    ['country', () => 'country=USA', ['Hackathon']],
    ['event_type (000)', () => 'event_type=hackathon', ['Hackathon']],
    ['type (004, any case)', () => 'type=RETREAT', ['Retreat']],
    ['category (001)', () => 'category=meetup', ['Meetup']],
    ['facilitator_id (004)', () => `facilitator_id=${facilitatorId}`, ['Retreat']],
    ['start_after (000)', () => `start_after=${inDays(15)}`, ['Retreat', 'Meetup']],
    ['date_after (001)', () => `date_after=${inDays(25).slice(0, 10)}`, ['Meetup']],
    ['start_before (000)', () => `start_before=${inDays(15)}`, ['Hackathon']],
    ['location (001)', () => 'location=wellness', ['Retreat']],
    ['status', () => 'status=cancelled', ['Cancelled']],
  ])('filters by %s', async (_label, query, names) => {
    const res = await list(query())
    expect(res.status).toBe(200)
    expect(res.body.events.map((event) => String(event.name))).toEqual(names.map((name) => `${name} ${tag}`))
  })

  it('lists every status with status=all, still only published events', async () => {
    const res = await list('status=all')
    expect(res.body.events.map((event) => String(event.name).split(' ')[0]).sort()).toEqual(['Cancelled', 'Hackathon', 'Meetup', 'Retreat'])
  })

  it('searches name and description', async () => {
    const described = await makeEvent(app, { name: 'Plain name', description_text: undefined })
    await app.payload.update({
      collection: 'events',
      id: described.id,
      overrideAccess: true,
      data: {
        description: {
          root: {
            type: 'root',
            version: 1,
            direction: 'ltr',
            format: '',
            indent: 0,
            children: [
              {
                type: 'paragraph',
                version: 1,
                direction: 'ltr',
                format: '',
                indent: 0,
                textFormat: 0,
                textStyle: '',
                children: [{ type: 'text', version: 1, text: `Deep ${tag} dive`, format: 0, style: '', mode: 'normal', detail: 0 }],
              },
            ],
          },
        },
      },
    })
    const res = await app.api.get(`/api/v1/events?search=deep%20${tag}`)
    expect(res.body.events.map((event) => String(event.description))).toEqual([`Deep ${tag} dive`])
    // Out of the way of the other tests of this tag.
    await app.payload.update({ collection: 'events', id: described.id, overrideAccess: true, data: { status: 'completed' } })
  })

  it('pages with limit, per_page or page_size', async () => {
    for (const size of ['limit=2', 'per_page=2', 'page_size=2']) {
      const first = await list(size)
      expect(ids(first.body.events)).toEqual([hackathon.id, retreat.id])
      expect(first.body.pagination).toMatchObject({ per_page: 2, pages: 2, has_next: true })
    }
    const second = await list('limit=2&page=2')
    expect(ids(second.body.events)).toEqual([meetup.id])
    expect(second.body.pagination).toMatchObject({ page: 2, has_next: false, has_prev: true })
  })

  it('rejects bad parameters with 400 and the field', async () => {
    const res = await app.api.get('/api/v1/events?limit=500&start_after=yesterday&status=open')
    expect(res.status).toBe(400)
    expect(Object.keys(res.body.errors).sort()).toEqual(['limit', 'start_after', 'status'])
  })

  it('answers an unknown type with an empty list', async () => {
    expect((await list('type=rave')).body).toMatchObject({ events: [], total: 0 })
  })
})

describe('GET /api/v1/events/{id}', () => {
  it("answers 000's flat body with registration_count and is_registered, and 004's {event}", async () => {
    const event = await makeEvent(app, { max_attendees: 5 })
    const { token } = await makeUser(app)
    const anonymous = await app.api.get(`/api/v1/events/${event.id}`)
    expect(anonymous.body).toMatchObject({
      id: event.id,
      registration_count: 0,
      spots_remaining: 5,
      is_registered: false,
      event: { id: event.id, title: event.name },
    })
    await app.api.post(`/api/v1/events/${event.id}/register`, {}, { token })
    const mine = await app.api.get(`/api/v1/events/${event.id}/`, { token })
    expect(mine.body).toMatchObject({
      registration_count: 1,
      spots_remaining: 4,
      is_registered: true,
      registration_status: 'confirmed',
      event: { current_participants: 1, available_spots: 4 },
    })
  })

  it('hides unpublished events from everyone but staff and their creator', async () => {
    const creator = await makeUser(app)
    const draft = await makeEvent(app, { is_published: false, created_by: creator.user.id })
    const stranger = await makeUser(app)
    const staff = await makeStaff(app, 'manager')
    expect((await app.api.get(`/api/v1/events/${draft.id}`)).status).toBe(404)
    expect(await app.api.get(`/api/v1/events/${draft.id}`, { token: stranger.token })).toMatchObject({
      status: 404,
      body: { detail: 'Event not found.' },
    })
    expect((await app.api.get(`/api/v1/events/${draft.id}`, { token: creator.token })).status).toBe(200)
    expect((await app.api.get(`/api/v1/events/${draft.id}`, { token: staff.token })).status).toBe(200)
  })

  it('serves the event as an iCalendar file', async () => {
    const event = await makeEvent(app, { name: 'Calendar, test; event', location_name: 'Tech Hub' })
    const res = await app.api.get(`/api/v1/events/${event.id}/calendar.ics`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(res.text).toMatch(/^BEGIN:VCALENDAR\r\n/)
    expect(res.text).toContain('SUMMARY:Calendar\\, test\\; event')
    expect(res.text).toContain(
      `DTSTART:${new Date(event.start_datetime)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '')}`,
    )
    expect(res.text).toContain('LOCATION:Tech Hub')
  })
})

describe('POST /api/v1/events', () => {
  const body = (overrides: Record<string, unknown> = {}) => ({
    name: `Created ${unique()}`,
    description: 'Annual hackathon.\n\nBring a laptop.',
    event_type: 'hackathon',
    location_name: 'Tech Hub',
    location_city: 'San Francisco',
    location_country: 'USA',
    start_datetime: inDays(7),
    end_datetime: inDays(9),
    max_attendees: 100,
    price_cents: 0,
    currency: 'usd',
    timezone: 'America/Los_Angeles',
    ...overrides,
  })

  it('lets any member propose an event, which waits unpublished for staff approval', async () => {
    const member = await makeUser(app)
    const res = await app.api.post('/api/v1/events/', body({ is_published: true }), { token: member.token })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      is_published: false,
      status: 'active',
      currency: 'USD',
      description: 'Annual hackathon.\n\nBring a laptop.',
      event_type: 'hackathon',
      timezone: 'America/Los_Angeles',
    })
    expect((await app.api.get(`/api/v1/events/${res.body.id}`)).status).toBe(404)
    const approver = await makeStaff(app)
    await app.api.patch(`/api/events/${res.body.id}`, { is_published: true }, { token: approver.token })
    expect((await app.api.get(`/api/v1/events/${res.body.id}`)).status).toBe(200)
  })

  it("publishes a facilitator's event at once, as theirs; staff may assign any facilitator", async () => {
    const { facilitator, account } = await makeFacilitator(app)
    const own = await app.api.post(
      '/api/v1/events',
      body({
        title: 'Morning Meditation',
        name: undefined,
        type: 'session',
        event_type: undefined,
        max_attendees: undefined,
        max_participants: 20,
        price_cents: undefined,
        price: 25,
      }),
      { token: account.token },
    )
    expect(own.status).toBe(201)
    expect(own.body).toMatchObject({
      name: 'Morning Meditation',
      is_published: true,
      facilitator: { id: facilitator.id },
      max_attendees: 20,
      price_cents: 2500,
      price: 25,
    })
    const other = await makeFacilitator(app)
    expect((await app.api.post('/api/v1/events', body({ facilitator_id: other.facilitator.id }), { token: account.token })).status).toBe(
      403,
    )
    const staff = await makeStaff(app)
    expect(
      (await app.api.post('/api/v1/events', body({ facilitator_id: other.facilitator.id }), { token: staff.token })).body.facilitator.id,
    ).toBe(other.facilitator.id)
  })

  it('validates dates, capacity, currency, time zone and type', async () => {
    const member = await makeUser(app)
    const res = await app.api.post(
      '/api/v1/events',
      body({ end_datetime: inDays(6), max_attendees: -1, currency: 'XYZ', timezone: 'Moon/Base', event_type: undefined }),
      { token: member.token },
    )
    expect(res.status).toBe(400)
    expect(Object.keys(res.body.errors).sort()).toEqual(['currency', 'end_datetime', 'event_type', 'max_attendees', 'timezone'])
    const unknownType = await app.api.post('/api/v1/events', body({ event_type: 'rave' }), { token: member.token })
    expect(unknownType.body).toEqual({ detail: 'Validation failed', errors: { event_type: ['Unknown event type "rave".'] } })
    const past = await app.api.post('/api/v1/events', body({ start_datetime: inDays(-2), end_datetime: inDays(-1) }), {
      token: member.token,
    })
    expect(past.body.errors).toEqual({ start_datetime: ['The event must start in the future.'] })
  })

  it('needs a token', async () => {
    expect((await app.api.post('/api/v1/events', body())).status).toBe(401)
  })

  it('never lets anyone write seats_taken', async () => {
    const staff = await makeStaff(app)
    const event = await makeEvent(app)
    await app.api.patch(`/api/events/${event.id}`, { seats_taken: 7 }, { token: staff.token })
    expect((await app.payload.findByID({ collection: 'events', id: event.id, overrideAccess: true })).seats_taken).toBe(0)
  })
})

describe('an event created by staff in the admin (Local API as the admin user)', () => {
  it('appears in GET /api/v1/events', async () => {
    const admin = await makeStaff(app, 'admin')
    const req = await createLocalReq({ user: { ...admin.user, collection: 'users' } }, app.payload)
    const type = (await app.payload.find({ collection: 'event-types', where: { key: { equals: 'workshop' } }, overrideAccess: true }))
      .docs[0]
    const name = `Admin workshop ${unique()}`
    await app.payload.create({
      collection: 'events',
      overrideAccess: false,
      req,
      data: {
        name,
        event_type: type.id,
        start_datetime: inDays(3),
        end_datetime: inDays(3, 3),
        max_attendees: 30,
        price_cents: 0,
        currency: 'EUR',
        is_published: true,
        status: 'active',
      },
    })
    const res = await app.api.get(`/api/v1/events?search=${encodeURIComponent(name)}`)
    expect(res.body.events).toHaveLength(1)
    expect(res.body.events[0]).toMatchObject({ name, event_type: 'workshop', currency: 'EUR', max_attendees: 30 })
  })
})

describe('GET /api/v1/events/types', () => {
  it('lists the event types as {key, value} (spec 004)', async () => {
    const res = await app.api.get('/api/v1/events/types/')
    expect(res.status).toBe(200)
    expect(res.body.event_types.slice(0, 2)).toEqual([
      { key: 'SESSION', value: 1, label: 'Session', slug: 'session' },
      { key: 'RETREAT', value: 2, label: 'Retreat', slug: 'retreat' },
    ])
    expect(res.body.event_types.map((type) => String(type.slug))).toEqual([
      'session',
      'retreat',
      'hackathon',
      'meetup',
      'workshop',
      'group',
    ])
  })
})

describe('facilitators (spec 004)', () => {
  it('lists active facilitators, shows one and its events, for signed-in users', async () => {
    const { facilitator } = await makeFacilitator(app, { name: `Aaron ${unique()}`, specialties: ['breathwork'] })
    const event = await makeEvent(app, { facilitator: facilitator.id })
    await makeFacilitator(app, { is_active: false })
    const { token } = await makeUser(app)
    expect((await app.api.get('/api/v1/facilitators')).status).toBe(401)
    const list = await app.api.get('/api/v1/facilitators/?per_page=100', { token })
    expect(list.status).toBe(200)
    expect(list.body.facilitators.every((entry) => Boolean(entry.is_active))).toBe(true)
    expect(list.body.facilitators.map((entry) => entry.id)).toContain(facilitator.id)
    expect(list.body.pagination).toMatchObject({ page: 1, per_page: 100 })
    const one = await app.api.get(`/api/v1/facilitators/${facilitator.id}/`, { token })
    expect(one.body).toMatchObject({ id: facilitator.id, specialties: ['breathwork'], facilitator: { id: facilitator.id } })
    const events = await app.api.get(`/api/v1/facilitators/${facilitator.id}/events`, { token })
    expect(ids(events.body.events)).toEqual([event.id])
    expect(events.body.pagination).toMatchObject({ total: 1, has_next: false })
    expect((await app.api.get('/api/v1/facilitators/99999999', { token })).status).toBe(404)
  })
})
