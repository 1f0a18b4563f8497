import type { CollectionConfig } from 'payload'
import { isOwner } from '../../src/access/isOwner.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { or } from '../../src/access/or.ts'
import { SHARE_PERMISSIONS, SHARE_RESOURCE_TYPES } from '../../src/domain/sharing/statuses.ts'

/**
 * Share links (spec 003 collab/share). The link's token is shown once and stored only as its SHA-256;
 * a link works while `revoked_at` is null and `expires_at` is in the future, checked in SQL at each use.
 */
export const Shares: CollectionConfig = {
  slug: 'shares',
  admin: {
    group: 'Content',
    defaultColumns: ['resource_type', 'resource_id', 'permission', 'user', 'shared_with', 'expires_at', 'revoked_at'],
  },
  access: { read: or(isStaff, isOwner('user')), create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'token_hash', type: 'text', required: true, unique: true, hidden: true },
    { name: 'resource_type', type: 'select', options: [...SHARE_RESOURCE_TYPES], required: true },
    { name: 'resource_id', type: 'number', required: true },
    { name: 'permission', type: 'select', options: [...SHARE_PERMISSIONS], defaultValue: 'view', required: true },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, admin: { description: 'Who shared it.' } },
    { name: 'shared_with', type: 'relationship', relationTo: 'users', admin: { description: 'Empty: anyone with the link.' } },
    { name: 'expires_at', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'revoked_at', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
  ],
}
