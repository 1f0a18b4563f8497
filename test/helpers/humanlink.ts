import type { User } from '../../src/payload-types.ts'
import type { TestApp } from './app.ts'
import { sqlRows } from './db.ts'
import { makeUser, type TestUser } from './factories.ts'

export type Window = { weekday: number; start: string; end: string }

/** Every day, all day: any future slot is inside it. */
export const ALWAYS: Window[] = Array.from({ length: 7 }, (_, weekday) => ({ weekday, start: '00:00', end: '24:00' }))

type FriendOptions = { rate?: string; currency?: string; timezone?: string; availability?: Window[]; user?: Partial<User> }

/** A friend (facilitator role) who published a profile through PATCH /api/v1/friends/me (free and always available unless told). */
export async function makeFriend(
  app: TestApp,
  { rate = '0', currency = 'USD', timezone = 'UTC', availability = ALWAYS, user = {} }: FriendOptions = {},
) {
  const account = await makeUser(app, { roles: ['facilitator'], first_name: 'Sarah', last_name: 'Friend', ...user })
  const res = await app.api.patch('/api/v1/friends/me/', { rate, currency, timezone, availability }, { token: account.token })
  if (res.status !== 200) throw new Error(`friend profile: ${res.status} ${res.text}`)
  return account
}

let nextHour = 0

/**
 * A whole-hour UTC start some days ahead, different on every call, so the sessions of different tests never
 * meet (ranges of one friend or user only collide when a test means them to).
 */
export function futureSlot(daysAhead = 3): Date {
  nextHour += 1
  const start = new Date(Date.now() + daysAhead * 86_400_000 + nextHour * 3_600_000)
  start.setUTCMinutes(0, 0, 0)
  return start
}

export async function bookSession(app: TestApp, user: TestUser, friend: TestUser, start: Date, extra: Record<string, unknown> = {}) {
  return app.api.post(
    '/api/v1/sessions/',
    { friend_id: friend.user.id, type: 'video', scheduled_at: start.toISOString(), duration_minutes: 60, ...extra },
    { token: user.token },
  )
}

/** HumanLink's error body: `{success: false, detail, message}` plus `errors` for validation. */
export const humanlinkError = (fields?: Record<string, unknown>) => ({
  success: false,
  detail: expect.any(String),
  message: expect.any(String),
  ...(fields ? { errors: fields } : {}),
})

/** Puts a session `hoursAgo` in the past, as time passing would (booking refuses past slots). */
export async function moveIntoPast(app: TestApp, sessionId: number, hoursAgo: number) {
  await sqlRows(
    app,
    `UPDATE friend_sessions SET scheduled_at = now() - make_interval(hours => $2), ends_at = now() - make_interval(hours => $2) + interval '1 hour' WHERE id = $1`,
    [sessionId, hoursAgo],
  )
}

let hoursAgo = 0

/** A session of `user` with `friend` that took place and that the friend marked completed (through the API). */
export async function completedSession(app: TestApp, user: TestUser, friend: TestUser): Promise<number> {
  const booked = await bookSession(app, user, friend, futureSlot())
  const id = Number(booked.body.data.id)
  hoursAgo += 2
  await moveIntoPast(app, id, hoursAgo)
  const done = await app.api.patch(`/api/v1/sessions/${id}/`, { status: 'completed' }, { token: friend.token })
  if (done.status !== 200) throw new Error(`complete session: ${done.status} ${done.text}`)
  return id
}
