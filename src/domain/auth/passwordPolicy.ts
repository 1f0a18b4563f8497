import { COMMON_PASSWORDS } from './commonPasswords.ts'

export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 128

/**
 * NIST SP 800-63B rules: long enough, not absurdly long (hashing cost), not a well-known password and
 * not the account's own identifier. No composition rules, so passphrases pass. Returns the problems.
 */
export function passwordProblems(password: string, identifiers: (string | null | undefined)[] = []): string[] {
  const problems: string[] = []
  if (password.length < PASSWORD_MIN_LENGTH)
    problems.push(`This password is too short. It must contain at least ${PASSWORD_MIN_LENGTH} characters.`)
  if (password.length > PASSWORD_MAX_LENGTH)
    problems.push(`This password is too long. It may contain at most ${PASSWORD_MAX_LENGTH} characters.`)
  const lowered = password.toLowerCase()
  if (COMMON_PASSWORDS.has(lowered)) problems.push('This password is too common.')
  else if (/^\d+$/.test(password)) problems.push('This password is entirely numeric.')
  const similar = identifiers
    .filter((value): value is string => Boolean(value))
    .map((value) => value.toLowerCase().split('@')[0])
    .some((identifier) => identifier.length >= 3 && (lowered === identifier || lowered.includes(identifier)))
  if (similar) problems.push('This password is too similar to the account name or email.')
  return problems
}
