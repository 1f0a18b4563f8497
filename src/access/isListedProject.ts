import type { Access } from 'payload'

/**
 * Projects anyone may read: not drafts, and not hidden by their owners (is_active false). `prefix`
 * reaches the project through a relationship ('project.').
 */
export const isListedProject =
  (prefix = ''): Access =>
  () => ({ and: [{ [`${prefix}status`]: { not_equals: 'draft' } }, { [`${prefix}is_active`]: { equals: true } }] })
