import type { Role } from './roles.ts'

type WithRoles = { roles?: readonly string[] | null } | null | undefined

/** True when the user holds at least one of the roles. The one place role membership is decided. */
export function hasRole(user: WithRoles, ...roles: Role[]): boolean {
  return Boolean(user?.roles?.some((role) => (roles as string[]).includes(role)))
}
