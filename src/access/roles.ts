/** Every role a user can hold. HumanLink's "friend" is our `facilitator`. */
export const ROLES = ['user', 'facilitator', 'startup', 'investor', 'manager', 'admin'] as const
export type Role = (typeof ROLES)[number]

/** Roles that may use the admin panel and manage other users. */
export const STAFF_ROLES: readonly Role[] = ['manager', 'admin']
