import type { PayloadRequest } from 'payload'
import { githubIdentity } from '../../../integrations/github/identity.ts'
import { verifyGoogleIdToken } from '../../../integrations/google/verifyIdToken.ts'
import type { ClientMeta } from '../clientMeta.ts'
import { oauthSignIn } from './oauthSignIn.ts'

export type OAuthProvider = 'google' | 'github'

/**
 * Sign-in with a provider's proof: a Google ID token (verified against Google's keys), or a GitHub OAuth
 * code or access token (exchanged and read at GitHub). 400 for anything the provider does not vouch for.
 */
export async function signInWithProvider(req: PayloadRequest, provider: OAuthProvider, token: string, client: ClientMeta) {
  const identity = provider === 'google' ? await verifyGoogleIdToken(token) : await githubIdentity(token)
  return oauthSignIn(req, identity, client)
}
