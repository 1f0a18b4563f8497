import type { PayloadRequest } from 'payload'
import { consume } from '../../lib/rateLimit.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { enqueue } from '../outbox/enqueue.ts'
import { waitlistLimits } from './limits.ts'
import { addEntry } from './waitlistRecords.ts'

/** `email` arrives trimmed and lowercased by the request schema. */
export type JoinWaitlistInput = { email: string; source: string | null; ip: string | null }

/**
 * Spec 000's product waitlist: a new email gets the next position and a confirmation email (queued in
 * the same transaction); an email already on the list gets its existing position and nothing else.
 */
export async function joinProductWaitlist(req: PayloadRequest, input: JoinWaitlistInput): Promise<{ position: number; created: boolean }> {
  await consume(waitlistLimits.signupsByIp(), `ip:${input.ip ?? 'unknown'}`)
  return withTransaction(req, async () => {
    const place = await addEntry(req, input)
    if (place.created) await enqueue(req, 'waitlist.confirmation', { entry_id: place.id })
    return { position: place.position, created: place.created }
  })
}
