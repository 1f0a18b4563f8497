import { config } from '../../lib/config.ts'
import { limiter } from '../../lib/rateLimit.ts'

/** Sign-ups and status look-ups per IP per hour (RATE_LIMIT_WAITLIST_PER_HOUR each): no list building, no enumeration. */
export const waitlistLimits = {
  signupsByIp: () => limiter('waitlist-signup-ip', { points: config.RATE_LIMIT_WAITLIST_PER_HOUR, durationSeconds: 3600 }),
  lookupsByIp: () => limiter('waitlist-status-ip', { points: config.RATE_LIMIT_WAITLIST_PER_HOUR, durationSeconds: 3600 }),
}
