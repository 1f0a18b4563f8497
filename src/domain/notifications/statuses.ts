/** How urgent a notification is (spec 002's `priority`). */
export const NOTIFICATION_PRIORITIES = ['low', 'medium', 'high'] as const
export type NotificationPriority = (typeof NOTIFICATION_PRIORITIES)[number]

/** How often a type reaches a user by email (spec 002's per-type `frequency`); `disabled` stores nothing. */
export const NOTIFICATION_FREQUENCIES = ['immediate', 'daily_digest', 'weekly_summary', 'disabled'] as const
export type NotificationFrequency = (typeof NOTIFICATION_FREQUENCIES)[number]

/** Where a notification is delivered: the inbox, email, and real-time push to connected clients. */
export const NOTIFICATION_CHANNELS = ['in_app', 'email', 'push'] as const
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number]

/** The digest emails: one per user per local day (08:00) or per local week (Monday 08:00). */
export const DIGEST_KINDS = ['daily_digest', 'weekly_summary'] as const
export type DigestKind = (typeof DIGEST_KINDS)[number]
