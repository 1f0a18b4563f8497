import type { CollectionConfig } from 'payload'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { REVOKE_REASONS } from '../../src/domain/auth/statuses.ts'

/**
 * Refresh tokens, stored as SHA-256 hashes. A family is every token descended from one sign-in (one
 * "session"); rotation revokes the presented token and issues its child in the same family.
 * Written only by src/domain/auth; staff may read them.
 */
export const RefreshTokens: CollectionConfig = {
  slug: 'refresh-tokens',
  admin: { hidden: true, useAsTitle: 'family' },
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['user', 'revoked_at'] }],
  fields: [
    { name: 'token_hash', type: 'text', required: true, unique: true, hidden: true },
    { name: 'family', type: 'text', required: true, index: true },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'parent', type: 'relationship', relationTo: 'refresh-tokens' },
    { name: 'user_agent', type: 'text' },
    { name: 'ip', type: 'text' },
    { name: 'last_used_at', type: 'date' },
    { name: 'expires_at', type: 'date', required: true },
    { name: 'family_expires_at', type: 'date', required: true },
    { name: 'revoked_at', type: 'date' },
    { name: 'revoked_reason', type: 'select', options: [...REVOKE_REASONS] },
  ],
}
