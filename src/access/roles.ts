/** Every role a user can hold. HumanLink's "friend" is our `facilitator`. */
export const ROLES = ['user', 'facilitator', 'startup', 'investor', 'manager', 'admin'] as const
export type Role = (typeof ROLES)[number]

/** Roles that may use the admin panel and manage other users. */
export const STAFF_ROLES: readonly Role[] = ['manager', 'admin']

const PRECEDENCE: Role[] = ['admin', 'manager', 'facilitator', 'investor', 'startup', 'user']

/** The single `role` the specs show: the most privileged role the user holds. */
export function primaryRole(roles: readonly string[] | null | undefined): Role {
  return PRECEDENCE.find((role) => roles?.includes(role)) ?? 'user'
}
