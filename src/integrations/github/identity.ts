import { z } from 'zod'
import { config } from '../../lib/config.ts'
import { BadRequestError } from '../../lib/errors.ts'
import type { OAuthIdentity } from '../oauthIdentity.ts'

const TokenResponse = z.object({ access_token: z.string().min(1) })
const GithubUser = z.object({ id: z.number(), login: z.string(), name: z.string().nullable().optional() })
const GithubEmails = z.array(z.object({ email: z.string(), primary: z.boolean(), verified: z.boolean() }))

/**
 * GitHub sign-in with either an OAuth authorization code (exchanged at GITHUB_OAUTH_URL with the client
 * credentials) or an access token; the person and their primary verified email come from GITHUB_API_URL.
 */
export async function githubIdentity(codeOrToken: string): Promise<OAuthIdentity> {
  const accessToken = looksLikeAccessToken(codeOrToken) ? codeOrToken : await exchangeCode(codeOrToken)
  const [user, emails] = await Promise.all([
    githubGet('/user', accessToken, GithubUser),
    githubGet('/user/emails', accessToken, GithubEmails),
  ])
  const primary = emails.find((entry) => entry.primary && entry.verified) ?? emails.find((entry) => entry.verified)
  const [firstName, ...rest] = (user.name ?? '').trim().split(/\s+/)
  return {
    provider: 'github',
    providerId: String(user.id),
    email: primary?.email.toLowerCase() ?? null,
    emailVerified: Boolean(primary),
    firstName: firstName || null,
    lastName: rest.join(' ') || null,
    fullName: user.name ?? user.login,
  }
}

/** GitHub's token prefixes: gho_ (OAuth), ghu_ (app user), ghp_ (personal), github_pat_. Codes have none. */
function looksLikeAccessToken(value: string): boolean {
  return /^(gho|ghu|ghp|ghs)_|^github_pat_/.test(value)
}

async function exchangeCode(code: string): Promise<string> {
  if (!config.GITHUB_CLIENT_ID || !config.GITHUB_CLIENT_SECRET) throw new BadRequestError('GitHub sign-in is not configured.')
  const response = await fetch(`${config.GITHUB_OAUTH_URL}/access_token`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: config.GITHUB_CLIENT_ID, client_secret: config.GITHUB_CLIENT_SECRET, code }),
    signal: AbortSignal.timeout(10_000),
  }).catch(() => null)
  const parsed = TokenResponse.safeParse(response?.ok ? await response.json() : null)
  if (!parsed.success) throw new BadRequestError('Invalid or expired GitHub code.')
  return parsed.data.access_token
}

async function githubGet<T>(path: string, token: string, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(`${config.GITHUB_API_URL}${path}`, {
    headers: { accept: 'application/vnd.github+json', authorization: `Bearer ${token}`, 'user-agent': 'platform' },
    signal: AbortSignal.timeout(10_000),
  }).catch(() => null)
  const parsed = schema.safeParse(response?.ok ? await response.json() : null)
  if (!parsed.success) throw new BadRequestError('Invalid or expired GitHub token.')
  return parsed.data
}
