/**
 * The CRM's words, defined once (spec 004): the collections' options, the SQL and the route schemas derive
 * from these.
 */

/** Where the booking stands in the booking system: received (live) or cancelled there. */
export const CRM_BOOKING_STATUSES = ['received', 'cancelled'] as const
export type CrmBookingStatus = (typeof CRM_BOOKING_STATUSES)[number]

/** The pipeline staff work, in order: moving forward (or skipping ahead) is free, moving back needs staff. */
export const CRM_PIPELINE = ['new', 'reviewed', 'contacted', 'confirmed', 'completed'] as const
export type CrmStage = (typeof CRM_PIPELINE)[number]

/** Where a CRM booking came from: a registration on this platform, or POST crm/notify from another system. */
export const CRM_SOURCES = ['platform', 'external'] as const
export type CrmSource = (typeof CRM_SOURCES)[number]

/** Who moved a booking between stages: the system (arrival), the CRM's service token, or a signed-in person. */
export const CRM_ACTORS = ['system', 'service', 'staff', 'facilitator'] as const
export type CrmActor = (typeof CRM_ACTORS)[number]

/** Hours a booking may stay `new` before the admin flags it and the daily digest lists it. */
export const CRM_WAITING_HOURS = 24
