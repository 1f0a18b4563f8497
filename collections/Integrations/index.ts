import type { CollectionConfig } from 'payload'
import { isOwner } from '../../src/access/isOwner.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { or } from '../../src/access/or.ts'
import { INTEGRATION_SERVICES, SYNC_STATUSES } from '../../src/domain/integrations/statuses.ts'

const systemOnly = { create: nobody, update: nobody, read: nobody }

/**
 * A user's connection to an external service, written only by src/domain/integrations. Tokens are
 * AES-256-GCM ciphertexts (src/lib/tokenCipher.ts) that no API, admin view or log ever shows.
 */
export const Integrations: CollectionConfig = {
  slug: 'integrations',
  admin: {
    group: 'Integrations',
    useAsTitle: 'service_name',
    defaultColumns: ['service_name', 'owner', 'connected', 'sync_status', 'last_sync'],
  },
  access: { read: or(isStaff, isOwner('owner')), create: nobody, update: nobody, delete: isStaff },
  indexes: [{ fields: ['owner', 'service_name'], unique: true }],
  fields: [
    { name: 'owner', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'service_name', type: 'select', options: [...INTEGRATION_SERVICES], required: true },
    { name: 'connected', type: 'checkbox', defaultValue: true },
    { name: 'access_token_enc', type: 'text', required: true, hidden: true, access: systemOnly },
    { name: 'refresh_token_enc', type: 'text', hidden: true, access: systemOnly },
    { name: 'token_expires_at', type: 'date' },
    { name: 'config', type: 'json' },
    { name: 'account', type: 'json', admin: { description: 'Who the token belongs to, as the service reported it.' } },
    { name: 'sync_status', type: 'select', options: [...SYNC_STATUSES], defaultValue: 'idle', required: true },
    { name: 'items_synced', type: 'number', defaultValue: 0 },
    { name: 'sync_progress', type: 'json', admin: { description: '{done, total} of the running sync.' } },
    {
      name: 'synced_refs',
      type: 'json',
      hidden: true,
      admin: { description: 'External id -> local id, so a re-sync updates nothing twice.' },
    },
    { name: 'last_sync', type: 'date' },
    { name: 'error_message', type: 'textarea' },
  ],
}
