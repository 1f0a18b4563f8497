import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import { firstRow } from '../../lib/db/sql.ts'
import { config } from '../../lib/config.ts'
import { rootDb } from '../../lib/transaction.ts'
import { markConfirmationSent } from './waitlistRecords.ts'

/**
 * Performs the `waitlist.confirmation` outbox message: emails the position and records that it was sent.
 * A retry after a sent email (the mark failed) is skipped by the confirmation_sent check.
 */
export async function sendWaitlistConfirmation(payload: Payload, entryId: number): Promise<void> {
  const result = await rootDb(payload).execute(sql`SELECT email, position, confirmation_sent FROM waitlist_entries WHERE id = ${entryId}`)
  const entry = firstRow<{ email: string; position: string; confirmation_sent: boolean | null }>(result)
  if (!entry || entry.confirmation_sent) return
  await payload.sendEmail({
    to: entry.email,
    subject: `You're on the waitlist (#${Number(entry.position)})`,
    text: [
      "Thanks for joining the waitlist! You're confirmed.",
      '',
      `Your position: ${Number(entry.position)}`,
      '',
      `We'll email you as soon as it's your turn. Check your place any time: ${config.PUBLIC_URL}/waitlist`,
    ].join('\n'),
  })
  await markConfirmationSent(payload, entryId)
}
