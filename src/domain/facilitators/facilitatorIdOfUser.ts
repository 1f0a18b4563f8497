import type { Payload } from 'payload'
import { poolOf } from '../../lib/db/pool.ts'

/** The facilitator profile linked to a user account, or null (facilitators.user is unique). */
export async function facilitatorIdOfUser(payload: Payload, userId: number): Promise<number | null> {
  const { rows } = await poolOf(payload).query<{ id: number }>('SELECT id FROM facilitators WHERE user_id = $1', [userId])
  return rows[0]?.id ?? null
}
