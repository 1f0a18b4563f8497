import { z } from 'zod'
import { config } from '../../lib/config.ts'
import { AppError } from '../../lib/errors.ts'

const Repo = z.object({
  id: z.number(),
  full_name: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  html_url: z.string(),
  private: z.boolean(),
  language: z.string().nullable().optional(),
  stargazers_count: z.number().optional(),
  updated_at: z.string().optional(),
})
export type GithubRepo = z.infer<typeof Repo>

const RefreshResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().optional(),
  expires_in: z.number().optional(),
})
const GithubUser = z.object({ id: z.number(), login: z.string() })

/** A token GitHub refused (401): the connection needs a refresh or a reconnect. */
export class TokenRejectedError extends AppError {
  constructor(service: string) {
    super(`${service} rejected the stored token; reconnect the integration.`, 502)
  }
}

async function githubApi(path: string, token: string): Promise<{ body: unknown; link: string | null }> {
  const res = await fetch(`${config.GITHUB_API_URL.replace(/\/+$/, '')}${path}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
    signal: AbortSignal.timeout(15_000),
  })
  if (res.status === 401) throw new TokenRejectedError('github')
  if (!res.ok) throw new AppError(`github answered ${res.status}`, 502)
  return { body: await res.json(), link: res.headers.get('link') }
}

/** Who the token belongs to (GET /user): validates it at connect time. */
export async function githubAccount(token: string): Promise<{ id: number; login: string }> {
  return GithubUser.parse((await githubApi('/user', token)).body)
}

/** Every repository the token can see (GET /user/repos, following the Link header's rel="next"). */
export async function githubRepositories(token: string, onPage: (done: number) => Promise<void>): Promise<GithubRepo[]> {
  const repos: GithubRepo[] = []
  for (let page = 1; page <= 50; page++) {
    const { body, link } = await githubApi(`/user/repos?per_page=100&page=${page}&sort=updated`, token)
    repos.push(...z.array(Repo).parse(body))
    await onPage(repos.length)
    if (!link?.includes('rel="next"')) break
  }
  return repos
}

/** GitHub App user-token refresh (POST {GITHUB_OAUTH_URL}/access_token, grant_type=refresh_token). */
export async function refreshGithubToken(
  refreshToken: string,
): Promise<{ accessToken: string; refreshToken?: string; expiresIn?: number }> {
  const res = await fetch(`${config.GITHUB_OAUTH_URL.replace(/\/+$/, '')}/access_token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      client_id: config.GITHUB_CLIENT_ID,
      client_secret: config.GITHUB_CLIENT_SECRET,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    }),
    signal: AbortSignal.timeout(15_000),
  })
  const parsed = RefreshResponse.safeParse(await res.json().catch(() => null))
  if (!res.ok || !parsed.success) throw new TokenRejectedError('github')
  return { accessToken: parsed.data.access_token, refreshToken: parsed.data.refresh_token, expiresIn: parsed.data.expires_in }
}
