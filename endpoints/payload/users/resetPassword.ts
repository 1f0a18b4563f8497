import type { Endpoint } from 'payload'
import { z } from 'zod'
import { confirmPasswordReset } from '../../../src/domain/auth/passwordReset.ts'
import { payloadBody } from '../../../src/http/payloadBody.ts'

const ResetBody = z.object({ token: z.string().trim().min(1).max(512), password: z.string().min(1).max(1024) })

/**
 * Replaces Payload's POST /api/users/reset-password (the admin's /admin/reset/<token> page): the same
 * confirmation as POST /api/v1/auth/password-reset/confirm (token works once, password policy, argon2id,
 * every session signed out). Unlike Payload's it signs nobody in: the page then leads to the login.
 */
export const resetPasswordEndpoint: Endpoint = {
  path: '/reset-password',
  method: 'post',
  handler: async (req) => {
    const body = await payloadBody(req, ResetBody)
    await confirmPasswordReset(req, body.token, body.password)
    return Response.json({ message: req.t('authentication:passwordResetSuccessfully') })
  },
}
