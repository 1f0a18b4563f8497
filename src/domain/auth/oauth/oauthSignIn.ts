import { randomBytes } from 'node:crypto'
import type { PayloadRequest } from 'payload'
import type { User } from '../../../payload-types.ts'
import { BadRequestError, ForbiddenError } from '../../../lib/errors.ts'
import { withTransaction } from '../../../lib/transaction.ts'
import type { ClientMeta } from '../clientMeta.ts'
import { issueSession, type IssuedTokens } from '../issueSession.ts'
import type { OAuthIdentity } from '../../../integrations/oauthIdentity.ts'

const PROVIDER_FIELD = { google: 'oauth_google_id', github: 'oauth_github_id' } as const

/**
 * Signs in the account linked to this provider identity; links an existing account with the same
 * verified email; or creates one (verified, with an unusable random password). Unverified provider
 * emails are never used to link, so nobody can take over an account by claiming its address.
 */
export async function oauthSignIn(
  req: PayloadRequest,
  identity: OAuthIdentity,
  client: ClientMeta,
): Promise<{ user: User; tokens: IssuedTokens; created: boolean }> {
  return withTransaction(req, async () => {
    const field = PROVIDER_FIELD[identity.provider]
    let user = await findOne(req, { [field]: { equals: identity.providerId } })
    let created = false
    if (!user) {
      if (!identity.email || !identity.emailVerified)
        throw new BadRequestError(`Your ${identity.provider} account has no verified email address.`)
      const sameEmail = await findOne(req, { email: { equals: identity.email } })
      created = !sameEmail
      user = sameEmail ? await link(req, sameEmail, field, identity) : await createFrom(req, field, identity)
    }
    if (user.is_active === false) throw new ForbiddenError('This account is inactive.')
    return { user, tokens: await issueSession(req, user, client), created }
  })
}

async function findOne(req: PayloadRequest, where: Record<string, { equals: string }>): Promise<User | null> {
  const { docs } = await req.payload.find({ collection: 'users', where, limit: 1, depth: 0, pagination: false, overrideAccess: true, req })
  return docs[0] ?? null
}

async function link(req: PayloadRequest, user: User, field: (typeof PROVIDER_FIELD)[keyof typeof PROVIDER_FIELD], identity: OAuthIdentity) {
  // overrideAccess: provider ids and verification are set only by a successful provider sign-in.
  return req.payload.update({
    collection: 'users',
    id: user.id,
    data: { [field]: identity.providerId, is_verified: true },
    overrideAccess: true,
    req,
    depth: 0,
  })
}

async function createFrom(req: PayloadRequest, field: (typeof PROVIDER_FIELD)[keyof typeof PROVIDER_FIELD], identity: OAuthIdentity) {
  return req.payload.create({
    collection: 'users',
    overrideAccess: true,
    req,
    depth: 0,
    data: {
      email: identity.email,
      first_name: identity.firstName ?? undefined,
      last_name: identity.lastName ?? undefined,
      full_name: identity.fullName ?? undefined,
      roles: ['user'],
      is_verified: true,
      [field]: identity.providerId,
      password: randomBytes(32).toString('base64url'),
    },
  })
}
