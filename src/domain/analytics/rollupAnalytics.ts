import type { Payload } from 'payload'
import { poolOf } from '../../lib/db/pool.ts'
import { deleteRawRowsBefore, firstDayToRollUp, rollUpDay } from './analyticsRecords.ts'
import { ANALYTICS_RETENTION_DAYS } from './statuses.ts'

const DAY_MS = 86_400_000

const utcDayStart = (at: Date) => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS)

/**
 * The daily job: rolls every complete UTC day not rolled up yet (so a missed run catches up) into
 * analytics-daily, then deletes raw rows past the retention window. One transaction: a day is either
 * rolled up and counted once, or not at all. Re-running it changes nothing.
 */
export async function rollupAnalytics(payload: Payload, now: Date): Promise<{ days: number; rows: number; deleted: number }> {
  const client = await poolOf(payload).connect()
  try {
    await client.query('BEGIN')
    const today = utcDayStart(now)
    let days = 0
    let rows = 0
    for (let day = await firstDayToRollUp(client); day && day < today; day = new Date(day.getTime() + DAY_MS)) {
      rows += await rollUpDay(client, day)
      days++
    }
    const deleted = await deleteRawRowsBefore(client, new Date(today.getTime() - ANALYTICS_RETENTION_DAYS * DAY_MS))
    await client.query('COMMIT')
    return { days, rows, deleted }
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  } finally {
    client.release()
  }
}
