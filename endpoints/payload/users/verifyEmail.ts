import type { Endpoint } from 'payload'
import { verifyEmail } from '../../../src/domain/auth/emailVerification.ts'

/**
 * Replaces Payload's POST /api/users/verify/<token> with our email verification (the token emailed at
 * sign-up, single use, bound to the address), as POST /api/v1/auth/verify-email.
 */
export const verifyEmailEndpoint: Endpoint = {
  path: '/verify/:token',
  method: 'post',
  handler: async (req) => {
    await verifyEmail(req, String(req.routeParams?.token ?? ''))
    return Response.json({ message: req.t('authentication:emailVerified') })
  },
}
