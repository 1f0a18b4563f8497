/** Who the provider says the person is. Accounts are linked by provider id, or by a verified email. */
export type OAuthIdentity = {
  provider: 'google' | 'github'
  providerId: string
  email: string | null
  emailVerified: boolean
  firstName: string | null
  lastName: string | null
  fullName: string | null
}
