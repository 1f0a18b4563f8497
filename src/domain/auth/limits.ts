import { config } from '../../lib/config.ts'
import { limiter } from '../../lib/rateLimit.ts'

/** The identity rate limits, read from configuration at first use. */
export const authLimits = {
  /** Wrong passwords per account and IP before that pair is blocked for the window. */
  loginFailuresByAccount: () =>
    limiter('login-account', {
      points: config.LOGIN_MAX_FAILURES,
      durationSeconds: config.LOGIN_FAILURE_WINDOW,
      blockSeconds: config.LOGIN_FAILURE_WINDOW,
    }),
  /** Wrong passwords per IP across all accounts (credential stuffing). */
  loginFailuresByIp: () =>
    limiter('login-ip', {
      points: config.LOGIN_MAX_FAILURES_PER_IP,
      durationSeconds: config.LOGIN_FAILURE_WINDOW,
      blockSeconds: config.LOGIN_FAILURE_WINDOW,
    }),
  registrationsByIp: () => limiter('register-ip', { points: config.RATE_LIMIT_REGISTRATIONS_PER_HOUR, durationSeconds: 3600 }),
  passwordResetsByIp: () => limiter('password-reset-ip', { points: config.RATE_LIMIT_PASSWORD_RESETS_PER_HOUR, durationSeconds: 3600 }),
  /** Reset requests per identifier asked for (known or not), so one inbox is not flooded from many IPs. */
  passwordResetsByAccount: () =>
    limiter('password-reset-account', { points: config.RATE_LIMIT_PASSWORD_RESETS_PER_HOUR, durationSeconds: 3600 }),
}
