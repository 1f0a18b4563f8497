import { createLocalReq, type Payload } from 'payload'
import { expireOffer } from '../domain/registrations/expireOffer.ts'
import { poolOf } from '../lib/db/pool.ts'

/** Unclaimed waitlist offers past their window: each is cancelled and its seat offered to the next person. */
export async function expireWaitlistOffers(payload: Payload, now: Date): Promise<number> {
  const { rows } = await poolOf(payload).query<{ id: number }>(
    `SELECT id FROM registrations WHERE status = 'waitlisted' AND holds_seat AND offer_expires_at <= $1 ORDER BY offer_expires_at LIMIT 100`,
    [now],
  )
  let expired = 0
  for (const { id } of rows) if (await expireOffer(await createLocalReq({}, payload), id, now)) expired++
  return expired
}
