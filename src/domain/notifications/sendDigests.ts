import { createLocalReq, type Payload } from 'payload'
import { config } from '../../lib/config.ts'
import { withTransaction } from '../../lib/transaction.ts'
import { enqueueMany } from '../outbox/enqueueMany.ts'
import { claimDueDigests, knownTimezones, type ClaimedDigest } from './digestRecords.ts'
import { emailLinks } from './emailLinks.ts'
import { notificationLink, renderDigestEmail } from './emailTemplates.ts'

/** Users per transaction: big enough for few round trips, small enough that one statement's emails fit in memory. */
export const DIGEST_BATCH_USERS = 2000

export function digestEmail(digest: ClaimedDigest) {
  const links = emailLinks({ userId: digest.user_id, typeIds: digest.type_ids })
  const items = digest.items.map((item) => ({
    title: item.title,
    message: item.message ?? '',
    typeName: item.type_name,
    url: notificationLink(item.action_url, item.redirect_url, config.PUBLIC_URL),
    createdAt: new Date(item.created_at),
  }))
  return { to: digest.email, ...renderDigestEmail(digest.kind, items, digest.total, links), headers: links.headers }
}

/**
 * The daily digest and weekly summary job: walks the users with pending mail in batches, and in each
 * batch's transaction claims the due digests (set-based, see claimDueDigests) and enqueues their emails
 * as bulk outbox mail, so a digest's claim and its email commit together or not at all. Safe to run on
 * every instance, twice, or after a crash: the claim rows decide. Returns how many digests it enqueued.
 */
export async function sendDigests(payload: Payload, now: Date, batchUsers = DIGEST_BATCH_USERS): Promise<number> {
  let afterUserId = 0
  let sent = 0
  const zones = await knownTimezones(await createLocalReq({}, payload))
  for (;;) {
    const req = await createLocalReq({}, payload)
    const batch = await withTransaction(req, async () => {
      const claimed = await claimDueDigests(req, now, { afterUserId, limit: batchUsers, zones })
      await enqueueMany(req, 'email.send', claimed.digests.map(digestEmail), { priority: 'bulk' })
      return claimed
    })
    sent += batch.digests.length
    if (batch.lastUserId === null) return sent
    afterUserId = batch.lastUserId
  }
}
