import type { CollectionConfig } from 'payload'
import { isOwner } from '../../src/access/isOwner.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { or } from '../../src/access/or.ts'
import { NOTIFICATION_FREQUENCIES } from '../../src/domain/notifications/statuses.ts'

/** A user's choice for one notification type: how often, and whether by email. Seeded from the type's defaults. */
export const NotificationTypePreferences: CollectionConfig = {
  slug: 'notification-type-preferences',
  admin: { group: 'Notifications', defaultColumns: ['user', 'notification_type', 'frequency', 'email_enabled'] },
  access: { read: or(isStaff, isOwner('user')), create: nobody, update: isStaff, delete: isStaff },
  indexes: [{ fields: ['user', 'notification_type'], unique: true }],
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, access: { create: nobody, update: nobody } },
    {
      name: 'notification_type',
      type: 'relationship',
      relationTo: 'notification-types',
      required: true,
      access: { create: nobody, update: nobody },
    },
    { name: 'frequency', type: 'select', options: [...NOTIFICATION_FREQUENCIES], defaultValue: 'immediate', required: true },
    { name: 'email_enabled', type: 'checkbox', defaultValue: true },
  ],
}
