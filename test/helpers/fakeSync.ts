import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { text } from 'node:stream/consumers'

export type FakeSync = {
  env: Record<string, string>
  /** Access tokens GitHub and Slack accept. */
  validTokens: Set<string>
  /** Refresh token -> how many refresh requests it got. */
  refreshes: Map<string, number>
  close(): Promise<void>
}

const REPOS = [1, 2, 3].map((n) => ({
  id: 1000 + n,
  name: `repo-${n}`,
  full_name: `octo/repo-${n}`,
  description: `Repository ${n}`,
  html_url: `https://github.com/octo/repo-${n}`,
  private: n === 3,
  language: 'TypeScript',
  stargazers_count: n * 10,
  updated_at: '2026-12-01T00:00:00Z',
}))

/**
 * GitHub (GET /user, GET /user/repos with Link pagination, the OAuth refresh grant) and Slack (auth.test)
 * speaking their wire formats. A refresh is slow (200 ms), so concurrent callers overlap it.
 */
export async function startFakeSync(): Promise<FakeSync> {
  const validTokens = new Set<string>()
  const refreshes = new Map<string, number>()
  let issued = 0
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const raw = await text(req)
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body))
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? ''
    if (url.pathname === '/github/login/oauth/access_token' && req.method === 'POST') {
      const body = JSON.parse(raw) as { grant_type: string; refresh_token: string }
      refreshes.set(body.refresh_token, (refreshes.get(body.refresh_token) ?? 0) + 1)
      await new Promise((resolve) => setTimeout(resolve, 200))
      if (body.grant_type !== 'refresh_token' || !body.refresh_token.startsWith('ghr_')) return send(200, { error: 'bad_refresh_token' })
      const token = `ghu_refreshed_${++issued}`
      validTokens.add(token)
      return send(200, { access_token: token, expires_in: 28800, refresh_token: `ghr_next_${issued}`, token_type: 'bearer' })
    }
    if (url.pathname.startsWith('/github/')) {
      if (!validTokens.has(bearer)) return send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' })
      if (url.pathname === '/github/user') return send(200, { id: 42, login: 'octo' })
      if (url.pathname === '/github/user/repos') {
        const page = Number(url.searchParams.get('page') ?? 1)
        const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/github/user/repos?per_page=2`
        const link: Record<string, string> = page === 1 ? { link: `<${base}&page=2>; rel="next", <${base}&page=2>; rel="last"` } : {}
        return send(200, REPOS.slice((page - 1) * 2, page * 2), link)
      }
    }
    if (url.pathname === '/slack/auth.test' && req.method === 'POST') {
      if (!validTokens.has(bearer)) return send(200, { ok: false, error: 'invalid_auth' })
      return send(200, { ok: true, url: 'https://acme.slack.com/', team: 'Acme', user: 'octo', team_id: 'T1', user_id: 'U1' })
    }
    send(404, { message: 'Not Found' })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    env: {
      GITHUB_API_URL: `${base}/github`,
      GITHUB_OAUTH_URL: `${base}/github/login/oauth`,
      SLACK_API_URL: `${base}/slack`,
      GITHUB_CLIENT_ID: 'gh-id',
      GITHUB_CLIENT_SECRET: 'gh-secret-value',
    },
    validTokens,
    refreshes,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
