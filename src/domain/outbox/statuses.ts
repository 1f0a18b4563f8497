export const OUTBOX_STATUSES = ['pending', 'processing', 'done', 'failed'] as const
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]
