import type { Access } from 'payload'

/** Registrations for events the caller facilitates (a Where through event -> facilitator -> user). */
export const isEventFacilitator: Access = ({ req: { user } }) => (user ? { 'event.facilitator.user': { equals: user.id } } : false)
