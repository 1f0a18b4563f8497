import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { logger } from '../../lib/logger.ts'
import { plainTextToLexical } from '../events/lexicalText.ts'
import { createFriendProfileIfMissing } from '../friends/friendRecords.ts'

export const DEMO_PASSWORD = 'demo-password-123'
export const DEMO_USERS = [
  { email: 'demo@example.com', first_name: 'Demo', last_name: 'User', roles: ['user'] as const },
  { email: 'manager@example.com', first_name: 'Mia', last_name: 'Manager', roles: ['manager'] as const },
  { email: 'jane@example.com', first_name: 'Jane', last_name: 'Smith', roles: ['user'] as const },
]

const DAY = 86_400_000

/**
 * Demo data for trying the platform locally. Idempotent: every record is looked up by a natural key
 * before it is created, so each start can run it.
 */
export async function seedDemo(payload: Payload): Promise<void> {
  const req = await createLocalReq({ context: { seeding: true } }, payload)
  const users = new Map<string, number>()
  for (const user of DEMO_USERS) users.set(user.email, await ensureUser(req, user))
  const facilitator = await ensureFacilitator(req, users.get('jane@example.com') ?? 0)
  await ensureEvents(req, facilitator)
  // Jane is also HumanLink's demo friend: weekdays 09:00-17:00 in UTC, free, so booking works without Stripe.
  await createFriendProfileIfMissing(req, users.get('jane@example.com') ?? 0, {
    bio: 'Happy to talk about books, travel and anything on your mind.',
    rate_cents: 0,
    currency: 'USD',
    timezone: 'UTC',
    availability: [0, 1, 2, 3, 4].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
  })
}

async function ensureUser(req: PayloadRequest, user: (typeof DEMO_USERS)[number]): Promise<number> {
  const found = await req.payload.find({
    collection: 'users',
    where: { email: { equals: user.email } },
    limit: 1,
    overrideAccess: true,
    req,
  })
  if (found.docs[0]) return found.docs[0].id
  // overrideAccess: seed data is written by the system, not by an API caller.
  const created = await req.payload.create({
    collection: 'users',
    overrideAccess: true,
    req,
    depth: 0,
    data: { ...user, roles: [...user.roles], password: DEMO_PASSWORD },
  })
  logger.info({ email: user.email }, 'seeded demo user')
  return created.id
}

async function ensureFacilitator(req: PayloadRequest, userId: number): Promise<number> {
  const found = await req.payload.find({
    collection: 'facilitators',
    where: { user: { equals: userId } },
    limit: 1,
    overrideAccess: true,
    req,
  })
  if (found.docs[0]) return found.docs[0].id
  const created = await req.payload.create({
    collection: 'facilitators',
    overrideAccess: true,
    req,
    depth: 0,
    data: { user: userId, name: 'Jane Smith', bio: 'Certified meditation instructor', specialties: ['meditation', 'breathwork'] },
  })
  return created.id
}

async function ensureEvents(req: PayloadRequest, facilitator: number): Promise<void> {
  const types = await req.payload.find({ collection: 'event-types', limit: 50, overrideAccess: true, req })
  const typeId = (key: string) => types.docs.find((type) => type.key === key)?.id ?? types.docs[0].id
  const soon = (days: number, hour: number) => new Date(Math.ceil(Date.now() / DAY) * DAY + days * DAY + hour * 3_600_000)
  const events = [
    {
      name: 'Morning Meditation Session',
      type: 'session',
      days: 3,
      hour: 7,
      hours: 1,
      max: 20,
      price: 0,
      city: 'San Francisco',
      country: 'USA',
      where: 'Wellness Center',
      requirements: 'Bring your own mat',
    },
    {
      name: 'Tech Hackathon',
      type: 'hackathon',
      days: 14,
      hour: 9,
      hours: 33,
      max: 100,
      price: 0,
      city: 'San Francisco',
      country: 'USA',
      where: 'Tech Hub',
    },
    {
      name: 'Mountain Retreat',
      type: 'retreat',
      days: 30,
      hour: 15,
      hours: 48,
      max: 12,
      price: 25000,
      city: 'Boulder',
      country: 'USA',
      where: 'Rocky Lodge',
    },
  ]
  for (const event of events) {
    const found = await req.payload.count({ collection: 'events', where: { name: { equals: event.name } }, overrideAccess: true, req })
    if (found.totalDocs > 0) continue
    const start = soon(event.days, event.hour)
    await req.payload.create({
      collection: 'events',
      overrideAccess: true,
      req,
      depth: 0,
      data: {
        name: event.name,
        description: plainTextToLexical(`${event.name}: a demo event.\n\nEverything here can be edited in the admin.`),
        event_type: typeId(event.type),
        facilitator: event.type === 'hackathon' ? undefined : facilitator,
        start_datetime: start.toISOString(),
        end_datetime: new Date(start.getTime() + event.hours * 3_600_000).toISOString(),
        location_name: event.where,
        location_city: event.city,
        location_country: event.country,
        max_attendees: event.max,
        price_cents: event.price,
        currency: 'USD',
        requirements: event.requirements,
        is_published: true,
        status: 'active',
      },
    })
    logger.info({ name: event.name }, 'seeded demo event')
  }
}
