import type { PayloadRequest } from 'payload'
import { config } from '../../lib/config.ts'
import { enqueue } from '../outbox/enqueue.ts'

/** Links in emails point at the web app (PUBLIC_URL); the app posts the token to the matching API route. */
export async function sendVerificationEmail(req: PayloadRequest, email: string, token: string): Promise<void> {
  const link = `${config.PUBLIC_URL}/verify-email?token=${encodeURIComponent(token)}`
  await enqueue(req, 'email.send', {
    to: email,
    subject: 'Confirm your email address',
    text: `Confirm your email address by opening this link (valid for 48 hours):\n\n${link}\n\nVerification code: ${token}\n\nIf you did not create an account, ignore this email.`,
  })
}

/** Where a reset link leads: the web app's page (/api/v1's flow) or the admin panel's (Payload's flow). */
export type ResetLink = 'app' | 'admin'

export async function sendPasswordResetEmail(req: PayloadRequest, email: string, token: string, page: ResetLink = 'app'): Promise<void> {
  const link =
    page === 'admin'
      ? `${config.PUBLIC_URL}${req.payload.config.routes.admin}/reset/${encodeURIComponent(token)}`
      : `${config.PUBLIC_URL}/reset-password?token=${encodeURIComponent(token)}`
  await enqueue(req, 'email.send', {
    to: email,
    subject: 'Reset your password',
    text: `Someone asked to reset the password of your account. To choose a new one, open this link (valid for 1 hour):\n\n${link}\n\nReset code: ${token}\n\nIf it was not you, ignore this email: your password stays as it is.`,
  })
}
