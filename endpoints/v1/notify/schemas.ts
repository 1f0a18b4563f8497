import { z } from 'zod'

export const SendQuery = z.object({ user_id: z.coerce.number().int().positive().optional() })

/** Spec 003's body. `notification_type` is a type code: 003's info, success, warning, error, or any other active type. */
export const SendBody = z.object({
  title: z.string().trim().min(1).max(255),
  message: z.string().max(5000).default(''),
  notification_type: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,63}$/, 'Enter a notification type code such as info.')
    .default('info'),
  action_url: z
    .url({ protocol: /^https?$/, error: 'Enter an http(s) URL.' })
    .max(2000)
    .nullish(),
  metadata: z.record(z.string(), z.unknown()).default({}),
  priority: z.enum(['low', 'medium', 'high']).default('medium'),
})

export const HistoryQuery = z.object({
  unread_only: z.stringbool().default(false),
  skip: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})

export const NotificationIdParams = z.object({ notification_id: z.coerce.number().int().positive() })

export const HistoryItemOut = z.object({
  id: z.number(),
  title: z.string(),
  message: z.string(),
  notification_type: z.string(),
  read: z.boolean(),
  action_url: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  created_at: z.string(),
  read_at: z.string().nullable(),
})

export const NotSentOut = z.object({ sent: z.literal(false), detail: z.string() })
export const MarkAllOut = z.object({ marked: z.number(), status: z.string() })
