import { z } from 'zod'
import { PASSWORD_MAX_LENGTH } from '../../../src/domain/auth/passwordPolicy.ts'
import { E164_PATTERN, USERNAME_PATTERN, isValidTimezone, normalizePhone, normalizeUsername } from '../../../src/lib/validation/identity.ts'

const password = z.string().min(1, 'This field may not be blank.').max(PASSWORD_MAX_LENGTH)
const email = z.email('Enter a valid email address.').transform((value) => value.trim().toLowerCase())
const phone = z
  .string()
  .transform(normalizePhone)
  .refine((value) => E164_PATTERN.test(value), 'Enter a phone number in international format, e.g. +14155550123.')
const username = z
  .string()
  .transform(normalizeUsername)
  .refine((value) => USERNAME_PATTERN.test(value), 'Usernames are 3-50 letters, digits, dots, dashes or underscores.')
const name = z.string().trim().max(150)
export const Timezone = z.string().refine(isValidTimezone, 'Enter an IANA time zone, e.g. Europe/Paris.')

/** Every spec's registration body: 000 (username + email|phone), 001 (names + personality), 003, 004 (+ phone). */
export const RegisterBody = z
  .object({
    username: username.optional(),
    email: email.optional(),
    phone: phone.optional(),
    password: z.string().max(PASSWORD_MAX_LENGTH),
    first_name: name.optional(),
    last_name: name.optional(),
    full_name: z.string().trim().max(255).optional(),
    personality_data: z.record(z.string(), z.unknown()).optional(),
    timezone: Timezone.optional(),
  })
  .superRefine((body, ctx) => {
    if (!body.email && !body.phone)
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'Provide an email address or a phone number.' })
    if (!body.email && body.phone && !body.username)
      ctx.addIssue({ code: 'custom', path: ['username'], message: 'Choose a username when registering with a phone number.' })
  })

/** Sign-in with `identifier` (000), `email` (001, 002, 004), `username` (003) or `phone`. */
export const LoginBody = z
  .object({
    identifier: z.string().optional(),
    email: z.string().optional(),
    username: z.string().optional(),
    phone: z.string().optional(),
    password,
  })
  .transform((body, ctx) => {
    const identifier = [body.identifier, body.email, body.username, body.phone].find((value) => value?.trim())
    if (!identifier) {
      ctx.addIssue({ code: 'custom', path: ['identifier'], message: 'Provide an email, username or phone number.' })
      return z.NEVER
    }
    return { identifier: identifier.trim(), password: body.password }
  })

export const RefreshBody = z.object({ refresh_token: z.string().optional(), refresh: z.string().optional() })
export const LogoutBody = RefreshBody
export const SessionParams = z.object({ id: z.uuid() })
export const OAuthBody = z.object({ provider: z.enum(['google', 'github']), token: z.string().min(1).max(8192) })
export const GoogleLoginBody = z.object({ token: z.string().min(1).max(8192) })
export const PasswordResetBody = z.object({ email })
export const PasswordResetConfirmBody = z
  .object({
    token: z.string().min(1),
    new_password: z.string().max(PASSWORD_MAX_LENGTH).optional(),
    password: z.string().max(PASSWORD_MAX_LENGTH).optional(),
  })
  .transform((body, ctx) => {
    const next = body.new_password ?? body.password
    if (!next) {
      ctx.addIssue({ code: 'custom', path: ['new_password'], message: 'This field is required.' })
      return z.NEVER
    }
    return { token: body.token, password: next }
  })
export const ChangePasswordBody = z.object({ current_password: password, new_password: z.string().max(PASSWORD_MAX_LENGTH) })
export const VerifyEmailBody = z.object({ token: z.string().min(1) })

export const AccountOut = z.object({
  id: z.number(),
  username: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  full_name: z.string().nullable(),
  role: z.string(),
  roles: z.array(z.string()),
  is_active: z.boolean(),
  is_verified: z.boolean(),
  created_at: z.string(),
})

export const TokensOut = z.object({
  access_token: z.string(),
  refresh_token: z.string(),
  token_type: z.literal('bearer'),
  expires_in: z.number(),
  access: z.string(),
  refresh: z.string(),
})

export const AuthOut = TokensOut.extend({
  message: z.string(),
  user: AccountOut,
  success: z.literal(true),
  data: z.object({ user: AccountOut, access: z.string(), refresh: z.string() }),
})

export const OAuthOut = AuthOut.extend({
  user: AccountOut.extend({ user_phone: z.string(), title: z.string() }),
  created: z.boolean(),
})

export const Detail = z.object({ detail: z.string() })
export const CookieLoginOut = z.object({ detail: z.string(), email: z.string().nullable(), user_id: z.number() })
export const CsrfOut = z.object({ csrfToken: z.string() })
export const SessionOut = z.object({
  id: z.string(),
  device: z.string(),
  user_agent: z.string().nullable(),
  ip: z.string().nullable(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  expires_at: z.string(),
  current: z.boolean(),
})
export const SessionsOut = z.object({ sessions: z.array(SessionOut) })
