import type { CollectionBeforeOperationHook } from 'payload'
import { ForbiddenError } from '../../src/lib/errors.ts'

/**
 * Every password check goes through src/domain/auth (argon2id, rate limits, hash upgrades). Payload's own
 * login operation (GraphQL loginUser, Local API login) would bypass all of that, so it is closed; the
 * admin login form posts to our replacement endpoint (collections/Users/adminLoginEndpoint.ts).
 */
export const blockPayloadPasswordLogin: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation === 'login') throw new ForbiddenError('Sign in with POST /api/v1/auth/login.')
  return args
}
