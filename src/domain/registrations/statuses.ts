/**
 * The registration lifecycle's words, defined once: the collection's select options, the SQL lists and
 * the route schemas all derive from these.
 */
export const REGISTRATION_STATUSES = ['pending_payment', 'confirmed', 'cancelled', 'waitlisted', 'checked_in'] as const
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number]

/** Statuses that hold a ticket or a seat being paid for: what "registered" means to the attendee. */
export const ATTENDING_STATUSES = ['pending_payment', 'confirmed', 'checked_in'] as const satisfies readonly RegistrationStatus[]

/** Statuses that occupy the (event, user) pair: at most one such registration (partial unique index). */
export const ACTIVE_REGISTRATION_STATUSES = [...ATTENDING_STATUSES, 'waitlisted'] as const satisfies readonly RegistrationStatus[]

/** Statuses with a valid ticket (it can be shown, scanned or has been scanned). */
export const TICKETED_STATUSES = ['confirmed', 'checked_in'] as const satisfies readonly RegistrationStatus[]

/** Statuses a cancellation can leave (a used ticket stays used). */
export const CANCELLABLE_STATUSES = ['pending_payment', 'confirmed', 'waitlisted'] as const satisfies readonly RegistrationStatus[]

/** How a registration's payment stands (not the payment row's own status). */
export const REGISTRATION_PAYMENT_STATUSES = ['not_required', 'pending', 'paid', 'failed', 'refunded'] as const
export type RegistrationPaymentStatus = (typeof REGISTRATION_PAYMENT_STATUSES)[number]

/** Why a registration ended. */
export const CANCEL_REASONS = ['user', 'staff', 'event_cancelled', 'offer_expired', 'hold_expired', 'payment_failed', 'refunded'] as const
export type CancelReason = (typeof CANCEL_REASONS)[number]

/** A seat its holder may still give up: attending, and not yet used (a waitlist place is left on its own route). */
export const GIVE_UP_SEAT_STATUSES: RegistrationStatus[] = ATTENDING_STATUSES.filter((status) =>
  (CANCELLABLE_STATUSES as readonly RegistrationStatus[]).includes(status),
)

/** What attendee lists may be filtered by: a status, every attending one (`active`), or all. */
export const ATTENDEE_FILTERS = [...REGISTRATION_STATUSES, 'active', 'all'] as const
export type AttendeeFilter = (typeof ATTENDEE_FILTERS)[number]
