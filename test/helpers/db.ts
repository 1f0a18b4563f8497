import { poolOf } from '../../src/lib/db/pool.ts'
import type { TestApp } from './app.ts'

/** Rows of raw SQL on the test file's database, for state the API does not show. Values come back as pg returns them. */
export async function sqlRows<T = Record<string, unknown>>(app: TestApp, text: string, values: unknown[] = []): Promise<T[]> {
  return (await poolOf(app.payload).query(text, values)).rows as T[]
}

/** The event's seat counter, as a number. */
export async function seatsTaken(app: TestApp, eventId: number): Promise<number> {
  const [event] = await sqlRows<{ seats_taken: string }>(app, 'SELECT seats_taken FROM events WHERE id = $1', [eventId])
  return Number(event.seats_taken)
}
