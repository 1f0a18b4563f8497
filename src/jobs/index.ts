import cron from 'node-cron'
import type { Payload } from 'payload'
import { withAdvisoryLock } from '../lib/db/advisoryLock.ts'
import { poolOf } from '../lib/db/pool.ts'
import { logger } from '../lib/logger.ts'
import { expireSeatHolds } from './expireSeatHolds.ts'
import { expireWaitlistOffers } from './expireWaitlistOffers.ts'
import { pruneOutbox } from './pruneOutbox.ts'
import { rollupAnalytics } from '../domain/analytics/rollupAnalytics.ts'
import { reconcileStripe } from '../domain/stripeWebhooks/reconcileStripe.ts'

export type Job = { name: string; schedule: string; run: (payload: Payload, now: Date) => Promise<unknown> }

/** Every scheduled job. Each is a function of (payload, now); only this file knows node-cron. */
export const jobs: Job[] = [
  { name: 'prune-outbox', schedule: '17 3 * * *', run: pruneOutbox },
  { name: 'expire-waitlist-offers', schedule: '* * * * *', run: expireWaitlistOffers },
  { name: 'expire-seat-holds', schedule: '* * * * *', run: expireSeatHolds },
  { name: 'reconcile-stripe', schedule: '*/10 * * * *', run: reconcileStripe },
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
