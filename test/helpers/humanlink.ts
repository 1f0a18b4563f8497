import type { User } from '../../src/payload-types.ts'
import type { TestApp } from './app.ts'
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
