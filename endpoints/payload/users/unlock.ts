import type { Endpoint } from 'payload'
import { ForbiddenError } from '../../../src/lib/errors.ts'

/**
 * Closes Payload's POST /api/users/unlock: accounts are never locked. Failed sign-ins are throttled per
 * account and address (LOGIN_MAX_FAILURES in LOGIN_FAILURE_WINDOW), and the throttle ends by itself.
 */
export const unlockEndpoint: Endpoint = {
  path: '/unlock',
  method: 'post',
  handler: () => {
    throw new ForbiddenError('Accounts are not locked: failed sign-ins are throttled for a while per account and address.')
  },
}
