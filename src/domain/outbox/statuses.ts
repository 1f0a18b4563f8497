export const OUTBOX_STATUSES = ['pending', 'processing', 'done', 'failed'] as const
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

/** Claim order: every due transactional message goes before any bulk one. */
export const OUTBOX_PRIORITIES = ['transactional', 'bulk'] as const
export type OutboxPriority = (typeof OUTBOX_PRIORITIES)[number]
