export const EVENT_STATUSES = ['draft', 'active', 'cancelled', 'completed'] as const
export type EventStatus = (typeof EVENT_STATUSES)[number]
