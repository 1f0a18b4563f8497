/** Why a refresh token stopped working. */
export const REVOKE_REASONS = [
  'rotated',
  'logout',
  'logout_all',
  'session_revoked',
  'reuse_detected',
  'password_reset',
  'account_disabled',
] as const
export type RevokeReason = (typeof REVOKE_REASONS)[number]

/** What a single-use emailed token proves. */
export const ONE_TIME_TOKEN_PURPOSES = ['password_reset', 'email_verification'] as const
export type OneTimeTokenPurpose = (typeof ONE_TIME_TOKEN_PURPOSES)[number]
