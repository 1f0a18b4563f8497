import type { Endpoint } from 'payload'
import { forgotPasswordEndpoint } from './forgotPassword.ts'
import { adminLoginEndpoint } from './login.ts'
import { adminRefreshEndpoint } from './refreshToken.ts'
import { resetPasswordEndpoint } from './resetPassword.ts'
import { unlockEndpoint } from './unlock.ts'
import { verifyEmailEndpoint } from './verifyEmail.ts'

/**
 * Our replacements of Payload's auth routes under /api/users (they are matched before Payload's own).
 * With Payload's local strategy off, every password, token and session rule is src/domain/auth's.
 */
export const userEndpoints: Endpoint[] = [
  adminLoginEndpoint,
  adminRefreshEndpoint,
  forgotPasswordEndpoint,
  resetPasswordEndpoint,
  verifyEmailEndpoint,
  unlockEndpoint,
]
