/** A support ticket's lifecycle (issue 19). Staff move it freely; resolution is notified to its opener. */
export const TICKET_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]
