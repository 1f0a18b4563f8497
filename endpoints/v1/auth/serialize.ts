import { primaryRole } from '../../../src/access/roles.ts'
import type { IssuedTokens } from '../../../src/domain/auth/issueSession.ts'
import type { SessionSummary } from '../../../src/domain/auth/sessions.ts'
import { describeDevice } from '../../../src/domain/auth/describeDevice.ts'
import type { User } from '../../../src/payload-types.ts'
import { isoOrNull as iso } from '../../../src/lib/dates.ts'

/** The account as every spec's auth responses show it (the union of their documented keys). */
export function serializeAccount(user: User) {
  return {
    id: user.id,
    username: user.username ?? null,
    email: user.email ?? null,
    phone: user.phone ?? null,
    first_name: user.first_name ?? null,
    last_name: user.last_name ?? null,
    full_name: user.full_name ?? null,
    role: primaryRole(user.roles),
    roles: user.roles ?? ['user'],
    is_active: user.is_active !== false,
    is_verified: user.is_verified === true,
    created_at: iso(user.createdAt) ?? '',
  }
}

/** Token keys of specs 000 (access_token, refresh_token, token_type), 001/002 (access, refresh), 004. */
export function tokenBody(tokens: IssuedTokens) {
  return {
    access_token: tokens.access,
    refresh_token: tokens.refresh,
    token_type: 'bearer' as const,
    expires_in: Math.max(0, tokens.accessExpiresAt - Math.floor(Date.now() / 1000)),
    access: tokens.access,
    refresh: tokens.refresh,
  }
}

/** Register / login body: 000's and 004's top-level keys plus 001's {success, data} envelope. */
export function authBody(user: User, tokens: IssuedTokens, message: string) {
  const account = serializeAccount(user)
  return {
    message,
    user: account,
    ...tokenBody(tokens),
    success: true as const,
    data: { user: account, access: tokens.access, refresh: tokens.refresh },
  }
}

/** Spec 002's OAuth user adds user_phone and title. */
export function oauthBody(user: User, tokens: IssuedTokens, created: boolean) {
  const body = authBody(user, tokens, 'Login successful')
  return { ...body, user: { ...body.user, user_phone: user.phone ?? '', title: '' }, created }
}

export function serializeSession(session: SessionSummary, currentId: string | undefined) {
  return {
    id: session.id,
    device: describeDevice(session.user_agent),
    user_agent: session.user_agent,
    ip: session.ip,
    created_at: iso(session.created_at) ?? '',
    last_used_at: iso(session.last_used_at),
    expires_at: iso(session.expires_at) ?? '',
    current: session.id === currentId,
  }
}
