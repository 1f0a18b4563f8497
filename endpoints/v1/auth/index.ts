import type { Request } from 'express'
import { z } from 'zod'
import type { RouteContext } from '../../../src/http/v1Router.ts'
import { confirmPasswordReset, requestPasswordReset } from '../../../src/domain/auth/passwordReset.ts'
import { changePassword } from '../../../src/domain/auth/changePassword.ts'
import { signInWithProvider } from '../../../src/domain/auth/oauth/signInWithProvider.ts'
import { refreshSession } from '../../../src/domain/auth/refreshSession.ts'
import { registerUser } from '../../../src/domain/auth/registerUser.ts'
import { listSessions, revokeOtherSessions, revokeSession } from '../../../src/domain/auth/sessions.ts'
import { signInWithPassword } from '../../../src/domain/auth/signInWithPassword.ts'
import { signOut } from '../../../src/domain/auth/signOut.ts'
import { startEmailVerification, verifyEmail } from '../../../src/domain/auth/emailVerification.ts'
import { NotFoundError, UnauthorizedError } from '../../../src/lib/errors.ts'
import { REFRESH_COOKIE, clearAuthCookies, setAuthCookies, setCsrfCookie } from '../../../src/http/authCookies.ts'
import { clientMetaOf, currentSessionId } from '../../../src/http/clientMeta.ts'
import { CSRF_COOKIE, assertCsrf, newCsrfToken } from '../../../src/http/csrf.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { serializeMe } from '../users/serialize.ts'
import { MeOut } from '../users/schemas.ts'
import {
  AuthOut,
  ChangePasswordBody,
  CookieLoginOut,
  CsrfOut,
  Detail,
  GoogleLoginBody,
  LoginBody,
  LogoutBody,
  OAuthBody,
  OAuthOut,
  PasswordResetBody,
  PasswordResetConfirmBody,
  RefreshBody,
  RegisterBody,
  SessionParams,
  SessionsOut,
  TokensOut,
  VerifyEmailBody,
} from './schemas.ts'
import { authBody, oauthBody, serializeAccount, serializeSession, tokenBody } from './serialize.ts'

export const authRoutes = v1Router('/auth')

authRoutes.post(
  '/register',
  {
    summary: 'Create an account and sign in (specs 000, 001, 003, 004)',
    body: RegisterBody,
    responses: { 201: AuthOut, 409: 'Email, username or phone already registered', 429: 'Too many registrations from this address' },
  },
  async ({ req, body, http }) => {
    const { user, tokens } = await registerUser(req, body, clientMetaOf(http.req))
    return { status: 201, body: authBody(user, tokens, 'User registered successfully') }
  },
)

authRoutes.post(
  '/login',
  {
    summary: 'Sign in with email, username or phone and password',
    body: LoginBody,
    responses: { 200: AuthOut, 401: 'Invalid credentials', 403: 'Inactive account', 429: 'Too many failed attempts' },
  },
  async ({ req, body, http }) => {
    const { user, tokens } = await signInWithPassword(req, body, clientMetaOf(http.req))
    return { body: authBody(user, tokens, 'Login successful') }
  },
)

authRoutes.post(
  '/refresh',
  {
    summary: 'Rotate a refresh token (body or refresh_token cookie)',
    body: RefreshBody,
    responses: { 200: TokensOut, 401: 'Invalid, expired or reused refresh token' },
  },
  async (context) => {
    const tokens = await refreshSession(context.req, refreshTokenOf(context), clientMetaOf(context.http.req))
    if (context.http.req.cookies?.[REFRESH_COOKIE]) setAuthCookies(context.http.res, tokens)
    return { body: tokenBody(tokens) }
  },
)

const logoutSpec = {
  summary: 'Sign out: revoke the session and clear auth cookies',
  auth: 'optional' as const,
  body: LogoutBody,
  responses: { 200: Detail, 401: 'No session to sign out of' },
}
const logout = async (context: RouteContext<typeof logoutSpec>) => {
  const token = refreshTokenOf(context, { required: false })
  const signedOut = await signOut(context.req, {
    refreshToken: token,
    user: context.user,
    sessionId: currentSessionId(context.user),
  })
  clearAuthCookies(context.http.res)
  if (!signedOut) throw new UnauthorizedError()
  return { body: { detail: 'Logged out successfully' } }
}
authRoutes.post('/logout', logoutSpec, logout)
authRoutes.post('/jwt/logout', { ...logoutSpec, summary: 'Sign out (cookie mode, spec 002)' }, logout)

authRoutes.post(
  '/logout-all',
  { summary: 'Sign out of every other session', auth: 'user', responses: { 200: Detail } },
  async ({ req, user }) => {
    const revoked = await revokeOtherSessions(req, user.id, currentSessionId(user) ?? null)
    return { body: { detail: `Signed out of ${revoked} other session${revoked === 1 ? '' : 's'}.` } }
  },
)

authRoutes.get(
  '/sessions',
  { summary: "The caller's active sessions (devices)", auth: 'user', responses: { 200: SessionsOut } },
  async ({ req, user }) => ({
    body: { sessions: (await listSessions(req, user.id)).map((session) => serializeSession(session, currentSessionId(user))) },
  }),
)

authRoutes.delete(
  '/sessions/:id',
  {
    summary: "Revoke one of the caller's sessions",
    auth: 'user',
    params: SessionParams,
    responses: { 200: Detail, 404: 'No such session' },
  },
  async ({ req, user, params }) => {
    if (!(await revokeSession(req, user.id, params.id))) throw new NotFoundError('Session not found.')
    return { body: { detail: 'Session revoked.' } }
  },
)

authRoutes.get('/me', { summary: 'The caller (spec 003 shape)', auth: 'user', responses: { 200: MeOut } }, async ({ req, user }) => ({
  body: await serializeMe(req, user),
}))

authRoutes.get(
  '/profile',
  { summary: 'The caller (spec 004 shape: {user})', auth: 'user', envelope: 'booking', responses: { 200: z.object({ user: MeOut }) } },
  async ({ req, user }) => ({ body: { user: await serializeMe(req, user) } }),
)

authRoutes.get(
  '/csrf',
  { summary: 'CSRF token for cookie mode (spec 002); also set as the csrftoken cookie', responses: { 200: CsrfOut } },
  async ({ http }) => {
    const existing: unknown = http.req.cookies?.[CSRF_COOKIE]
    const token = typeof existing === 'string' && /^[\w-]{43}$/.test(existing) ? existing : newCsrfToken()
    setCsrfCookie(http.res, token)
    return { body: { csrfToken: token } }
  },
)

authRoutes.post(
  '/jwt/create',
  {
    summary: 'Cookie-mode sign-in: sets HttpOnly access_token and refresh_token cookies',
    csrf: true,
    body: LoginBody,
    responses: { 200: CookieLoginOut, 401: 'Invalid credentials', 403: 'CSRF failed or inactive account' },
  },
  async ({ req, body, http }) => {
    const { user, tokens } = await signInWithPassword(req, body, clientMetaOf(http.req))
    setAuthCookies(http.res, tokens)
    return { body: { detail: 'Login successful', email: user.email ?? null, user_id: user.id } }
  },
)

authRoutes.post(
  '/jwt/refresh',
  {
    summary: 'Cookie-mode refresh: rotates the refresh_token cookie',
    csrf: true,
    responses: { 200: Detail, 401: 'Invalid refresh cookie (cleared)' },
  },
  async ({ req, http }) => {
    const token: unknown = http.req.cookies?.[REFRESH_COOKIE]
    try {
      if (typeof token !== 'string' || !token) throw new UnauthorizedError('Refresh token cookie not found.')
      setAuthCookies(http.res, await refreshSession(req, token, clientMetaOf(http.req)))
    } catch (error) {
      clearAuthCookies(http.res)
      throw error
    }
    return { body: { detail: 'Token refreshed' } }
  },
)

authRoutes.post(
  '/oauth/login',
  {
    summary: 'Sign in with Google (ID token) or GitHub (code or token), spec 002',
    body: OAuthBody,
    responses: { 200: OAuthOut, 400: 'Invalid provider token', 403: 'Inactive account' },
  },
  async ({ req, body, http }) => {
    const { user, tokens, created } = await signInWithProvider(req, body.provider, body.token, clientMetaOf(http.req))
    return { body: oauthBody(user, tokens, created) }
  },
)

authRoutes.post(
  '/google-login',
  {
    summary: 'Sign in with a Google ID token (spec 004)',
    envelope: 'booking',
    body: GoogleLoginBody,
    responses: { 200: OAuthOut, 400: 'Invalid Google token', 403: 'Inactive account' },
  },
  async ({ req, body, http }) => {
    const { user, tokens, created } = await signInWithProvider(req, 'google', body.token, clientMetaOf(http.req))
    return { body: oauthBody(user, tokens, created) }
  },
)

authRoutes.post(
  '/password-reset',
  {
    summary: 'Email a single-use password reset link (same answer for unknown addresses)',
    body: PasswordResetBody,
    responses: { 200: Detail, 429: 'Too many requests' },
  },
  async ({ req, body, http }) => {
    await requestPasswordReset(req, body.email, clientMetaOf(http.req))
    return { body: { detail: 'If an account exists for this email, we sent a link to reset its password.' } }
  },
)

authRoutes.post(
  '/password-reset/confirm',
  {
    summary: 'Set a new password with a reset token (signs out every session)',
    body: PasswordResetConfirmBody,
    responses: { 200: Detail, 400: 'Invalid or expired token, or weak password' },
  },
  async ({ req, body }) => {
    await confirmPasswordReset(req, body.token, body.password)
    return { body: { detail: 'Your password has been reset. Sign in with the new password.' } }
  },
)

authRoutes.post(
  '/change-password',
  {
    summary: "Change the caller's password (other sessions are signed out)",
    auth: 'user',
    body: ChangePasswordBody,
    responses: { 200: Detail, 400: 'Wrong current password or weak new password' },
  },
  async ({ req, user, body }) => {
    await changePassword(req, user, body.current_password, body.new_password, currentSessionId(user) ?? null)
    return { body: { detail: 'Password changed.' } }
  },
)

const verify = async ({ req, token }: { req: RouteContext<typeof verifySpec>['req']; token: string }) => {
  const user = await verifyEmail(req, token)
  return { body: { detail: 'Email address verified.', user: serializeAccount(user) } }
}
const verifySpec = {
  summary: 'Confirm an email address with the emailed token',
  body: VerifyEmailBody,
  responses: { 200: Detail, 400: 'Invalid or expired token' },
}
authRoutes.post('/verify-email', verifySpec, async ({ req, body }) => verify({ req, token: body.token }))
authRoutes.get(
  '/verify-email',
  { summary: 'Confirm an email address (link form)', query: VerifyEmailBody, responses: { 200: Detail, 400: 'Invalid or expired token' } },
  async ({ req, query }) => verify({ req, token: query.token }),
)

authRoutes.post(
  '/verify-email/resend',
  { summary: 'Send a new verification email to the caller', auth: 'user', responses: { 200: Detail } },
  async ({ req, user }) => {
    await startEmailVerification(req, user)
    return { body: { detail: user.is_verified ? 'Email address already verified.' : 'Verification email sent.' } }
  },
)

/** The refresh token from the body (spec 000 `refresh_token`, 001/002 `refresh`), else from the cookie (CSRF-checked). */
function refreshTokenOf(
  context: { body: { refresh_token?: string; refresh?: string }; http: { req: Request } },
  { required = true } = {},
): string {
  const fromBody = context.body.refresh_token ?? context.body.refresh
  if (fromBody) return fromBody
  const cookie: unknown = context.http.req.cookies?.[REFRESH_COOKIE]
  if (typeof cookie === 'string' && cookie) {
    assertCsrf(context.http.req)
    return cookie
  }
  if (required) throw new UnauthorizedError('Refresh token not provided.')
  return ''
}
