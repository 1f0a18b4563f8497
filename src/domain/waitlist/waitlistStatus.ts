import type { PayloadRequest } from 'payload'
import { NotFoundError } from '../../lib/errors.ts'
import { consume } from '../../lib/rateLimit.ts'
import { txDb } from '../../lib/transaction.ts'
import { waitlistLimits } from './limits.ts'
import { findEntry } from './waitlistRecords.ts'

/** Where an email (normalised by the request schema) stands on the waitlist: its position and whether the confirmation went out, nothing else. */
export async function waitlistStatus(req: PayloadRequest, email: string, ip: string | null) {
  await consume(waitlistLimits.lookupsByIp(), `ip:${ip ?? 'unknown'}`)
  const entry = await findEntry(await txDb(req), email)
  if (!entry) throw new NotFoundError('This email is not on the waitlist.')
  return { on_waitlist: true, waitlist_position: entry.position, confirmation_sent: entry.confirmation_sent }
}
