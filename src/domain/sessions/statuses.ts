/** A friend session's kinds and lifecycle (spec 001), defined once for the collection, SQL and schemas. */
export const SESSION_TYPES = ['text', 'voice', 'video'] as const
export type SessionType = (typeof SESSION_TYPES)[number]

export const SESSION_STATUSES = ['upcoming', 'completed', 'cancelled', 'no_show'] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]

/** Outcomes the friend or staff record for a session that took place (or did not). */
export const SESSION_OUTCOMES = ['completed', 'no_show'] as const satisfies readonly SessionStatus[]

/** How a session's payment stands. */
export const SESSION_PAYMENT_STATUSES = ['not_required', 'paid', 'requires_action', 'failed'] as const
export type SessionPaymentStatus = (typeof SESSION_PAYMENT_STATUSES)[number]

/** The reminders sent before a session, each exactly once, with how long before the start it is due. */
export const SESSION_REMINDERS = [
  { kind: '24h', minutesBefore: 24 * 60, column: 'reminded_24h_at' },
  { kind: '15m', minutesBefore: 15, column: 'reminded_15m_at' },
] as const
