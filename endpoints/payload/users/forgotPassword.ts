import type { Endpoint } from 'payload'
import { z } from 'zod'
import { requestPasswordReset } from '../../../src/domain/auth/passwordReset.ts'
import { clientMetaFromHeaders } from '../../../src/http/clientMetaFromHeaders.ts'
import { payloadBody } from '../../../src/http/payloadBody.ts'
import { RequestValidationError } from '../../../src/lib/errors.ts'

const ForgotBody = z.object({ email: z.string().trim().max(254).optional(), username: z.string().trim().max(254).optional() })

/**
 * Replaces Payload's POST /api/users/forgot-password (the admin panel's "Forgot password?" form, which
 * sends `username`: an email or a username). The same reset as POST /api/v1/auth/password-reset (single-use
 * token, per-IP and per-account limits, email through the outbox); the link opens the admin's reset page.
 */
export const forgotPasswordEndpoint: Endpoint = {
  path: '/forgot-password',
  method: 'post',
  handler: async (req) => {
    const body = await payloadBody(req, ForgotBody)
    const identifier = body.email || body.username
    if (!identifier) throw new RequestValidationError({ email: ['This field is required.'] })
    await requestPasswordReset(req, identifier, clientMetaFromHeaders(req.headers), 'admin')
    return Response.json({ message: req.t('general:success') })
  },
}
