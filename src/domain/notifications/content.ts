import { z } from 'zod'
import { NOTIFICATION_PRIORITIES } from './statuses.ts'

/** What a feature tells notify(): the inbox row's content (spec 002's actor and redirect, spec 003's action_url, metadata). */
export const NotificationContent = z.object({
  title: z.string().trim().min(1).max(255),
  message: z.string().max(5000).default(''),
  priority: z.enum(NOTIFICATION_PRIORITIES).default('medium'),
  actor: z
    .object({
      type: z.string().max(40).nullish(),
      user_id: z.number().int().nullish(),
      investor_id: z.number().int().nullish(),
      display_name: z.string().max(255).nullish(),
    })
    .nullish(),
  redirect: z
    .object({ kind: z.string().max(40), id: z.union([z.number(), z.string().max(200)]).nullish(), url: z.string().max(2000).nullish() })
    .nullish(),
  action_url: z.string().max(2000).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  /** Hidden from then on, and purged by a job. */
  expires_at: z.coerce.date().nullish(),
})

export type NotificationContentInput = z.input<typeof NotificationContent>
export type NotificationContentValue = z.output<typeof NotificationContent>
