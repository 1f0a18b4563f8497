import type { Access } from 'payload'

/** Rows whose `participants` include the caller (chat rooms). */
export const isParticipant: Access = ({ req: { user } }) => (user ? { participants: { in: [user.id] } } : false)
