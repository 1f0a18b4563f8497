import cron from 'node-cron'
import type { Payload } from 'payload'
import { withAdvisoryLock } from '../lib/db/advisoryLock.ts'
import { poolOf } from '../lib/db/pool.ts'
import { logger } from '../lib/logger.ts'
import { expireSeatHolds } from './expireSeatHolds.ts'
import { expireWaitlistOffers } from './expireWaitlistOffers.ts'
import { pruneOutbox } from './pruneOutbox.ts'
import { sendWaitingDigest } from '../domain/crm/sendWaitingDigest.ts'
import { rollupAnalytics } from '../domain/analytics/rollupAnalytics.ts'
import { reconcileStripe } from '../domain/stripeWebhooks/reconcileStripe.ts'
import { purgeExpiredNotifications } from '../domain/notifications/purgeExpiredNotifications.ts'
import { sendDigests } from '../domain/notifications/sendDigests.ts'
import { sendEventReminders } from '../domain/registrations/sendEventReminders.ts'
import { sendSessionReminders } from '../domain/sessions/sendSessionReminders.ts'

export type Job = { name: string; schedule: string; run: (payload: Payload, now: Date) => Promise<unknown> }

/** Every scheduled job. Each is a function of (payload, now); only this file knows node-cron. */
export const jobs: Job[] = [
  { name: 'prune-outbox', schedule: '17 3 * * *', run: pruneOutbox },
  { name: 'expire-waitlist-offers', schedule: '* * * * *', run: expireWaitlistOffers },
  { name: 'expire-seat-holds', schedule: '* * * * *', run: expireSeatHolds },
  { name: 'reconcile-stripe', schedule: '*/10 * * * *', run: reconcileStripe },
  // Every 15 minutes, a minute past (claims wait a minute, see digestRecords.ts): 08:00 local falls on a
  // quarter hour in every time zone (UTC+5:45 included).
  { name: 'notification-digests', schedule: '1-59/15 * * * *', run: sendDigests },
  { name: 'event-reminders', schedule: '*/5 * * * *', run: sendEventReminders },
  { name: 'purge-expired-notifications', schedule: '41 * * * *', run: purgeExpiredNotifications },
  { name: 'session-reminders', schedule: '* * * * *', run: sendSessionReminders },
  // Staff get one digest of the CRM bookings nobody has looked at for 24 hours.
  { name: 'crm-waiting-digest', schedule: '0 8 * * *', run: sendWaitingDigest },
  { name: 'rollup-analytics', schedule: '7 0 * * *', run: rollupAnalytics },
]

/** Runs a job unless another instance is running it right now (advisory lock), so it runs once per tick. */
export async function runJobOnce(payload: Payload, job: Job, now: Date) {
  const outcome = await withAdvisoryLock(poolOf(payload), `job:${job.name}`, () => job.run(payload, now), { wait: false })
  if (outcome.ran) logger.info({ job: job.name, result: outcome.result }, 'job finished')
  return outcome
}

export function startCronJobs(payload: Payload): { stop(): Promise<void> } {
  const tasks = jobs.map((job) =>
    cron.schedule(
      job.schedule,
      async ({ date }) => {
        try {
          await runJobOnce(payload, job, date)
        } catch (error) {
          logger.error({ err: error, job: job.name }, 'job failed')
        }
      },
      { name: job.name, noOverlap: true },
    ),
  )
  return {
    async stop() {
      await Promise.all(tasks.map((task) => task.destroy()))
    },
  }
}
