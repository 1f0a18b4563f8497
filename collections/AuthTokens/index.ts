import type { CollectionConfig } from 'payload'
import { ONE_TIME_TOKEN_PURPOSES } from '../../src/domain/auth/statuses.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'

/** Single-use, expiring tokens sent by email (password reset, email verification), stored hashed. */
export const AuthTokens: CollectionConfig = {
  slug: 'auth-tokens',
  admin: { hidden: true, useAsTitle: 'purpose' },
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'purpose', type: 'select', options: [...ONE_TIME_TOKEN_PURPOSES], required: true, index: true },
    { name: 'token_hash', type: 'text', required: true, unique: true, hidden: true },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'email', type: 'email' },
    { name: 'expires_at', type: 'date', required: true },
    { name: 'used_at', type: 'date' },
  ],
}
