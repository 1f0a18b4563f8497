import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { text } from 'node:stream/consumers'
import { SignJWT, exportJWK, generateKeyPair, type JWTPayload } from 'jose'

export type FakeProviders = {
  /** Configuration pointing the platform at these fakes (GOOGLE_*, GITHUB_*). */
  env: Record<string, string>
  /** A Google ID token signed with the fake JWKS key (or another key, to test rejection). */
  googleToken(claims: JWTPayload, options?: { expiresIn?: string; audience?: string; foreignKey?: boolean }): Promise<string>
  /** Registers a GitHub account: its OAuth code and access token, profile and emails. */
  githubAccount(account: {
    code: string
    token: string
    id: number
    login: string
    name: string
    emails: { email: string; primary: boolean; verified: boolean }[]
  }): void
  close(): Promise<void>
}

export const GOOGLE_CLIENT_ID = 'platform-test.apps.googleusercontent.com'
const GITHUB_CLIENT = { id: 'gh-client-id', secret: 'gh-client-secret' }

/**
 * Local stand-ins for Google (a JWKS endpoint; tokens signed with its RSA key) and GitHub (OAuth code
 * exchange and the REST API), speaking their real wire formats.
 */
export async function startFakeProviders(): Promise<FakeProviders> {
  const { publicKey, privateKey } = await generateKeyPair('RS256')
  const foreign = await generateKeyPair('RS256')
  const jwk = { ...(await exportJWK(publicKey)), kid: 'fake-google-key', alg: 'RS256', use: 'sig' }
  const accounts = new Map<string, Parameters<FakeProviders['githubAccount']>[0]>()
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    if (url.pathname === '/google/certs') return send(200, { keys: [jwk] })
    if (url.pathname === '/github/login/oauth/access_token' && req.method === 'POST') {
      const body = JSON.parse(await text(req)) as { client_id: string; client_secret: string; code: string }
      const account = [...accounts.values()].find((candidate) => candidate.code === body.code)
      if (body.client_id !== GITHUB_CLIENT.id || body.client_secret !== GITHUB_CLIENT.secret || !account)
        return send(200, { error: 'bad_verification_code' })
      return send(200, { access_token: account.token, token_type: 'bearer', scope: 'read:user,user:email' })
    }
    const account = accounts.get((req.headers.authorization ?? '').replace('Bearer ', ''))
    if (url.pathname === '/github/api/user')
      return account ? send(200, { id: account.id, login: account.login, name: account.name }) : send(401, { message: 'Bad credentials' })
    if (url.pathname === '/github/api/user/emails') return account ? send(200, account.emails) : send(401, { message: 'Bad credentials' })
    send(404, { message: 'Not Found' })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    env: {
      GOOGLE_CLIENT_ID,
      GOOGLE_JWKS_URL: `${base}/google/certs`,
      GITHUB_CLIENT_ID: GITHUB_CLIENT.id,
      GITHUB_CLIENT_SECRET: GITHUB_CLIENT.secret,
      GITHUB_OAUTH_URL: `${base}/github/login/oauth`,
      GITHUB_API_URL: `${base}/github/api`,
    },
    googleToken: (claims, options = {}) =>
      new SignJWT({ email_verified: true, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'fake-google-key' })
        .setIssuer('https://accounts.google.com')
        .setAudience(options.audience ?? GOOGLE_CLIENT_ID)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '1h')
        .sign(options.foreignKey ? foreign.privateKey : privateKey),
    githubAccount: (account) => accounts.set(account.token, account),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
