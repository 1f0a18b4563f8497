import type { CollectionConfig } from 'payload'
import { isAdmin } from '../../src/access/isAdmin.ts'
import { isLoggedIn } from '../../src/access/isLoggedIn.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { NOTIFICATION_CHANNELS, NOTIFICATION_FREQUENCIES } from '../../src/domain/notifications/statuses.ts'

/**
 * What a notification is about (message_received, project_update, event_reminder...). Features notify by
 * `code`; users set a frequency per type. Seeded by a migration; staff may add more in the admin.
 */
export const NotificationTypes: CollectionConfig = {
  slug: 'notification-types',
  admin: { group: 'Notifications', useAsTitle: 'name', defaultColumns: ['name', 'code', 'default_frequency', 'is_active'] },
  access: { read: isLoggedIn, create: isStaff, update: isStaff, delete: isAdmin },
  fields: [
    {
      name: 'code',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      validate: (value: string | null | undefined) =>
        /^[a-z][a-z0-9_]{1,63}$/.test(value ?? '') ? true : 'Lowercase letters, digits and _ (e.g. project_update).',
      admin: { description: 'What code calls notify() with, e.g. "project_update". Do not rename a type in use.' },
    },
    { name: 'name', type: 'text', required: true },
    { name: 'description', type: 'textarea' },
    { name: 'is_active', type: 'checkbox', defaultValue: true, index: true, admin: { description: 'Inactive types are not sent.' } },
    {
      name: 'default_frequency',
      type: 'select',
      options: [...NOTIFICATION_FREQUENCIES],
      defaultValue: 'immediate',
      required: true,
      admin: { description: 'How often users who have not chosen get this type by email.' },
    },
    {
      name: 'default_channels',
      type: 'select',
      hasMany: true,
      options: [...NOTIFICATION_CHANNELS],
      defaultValue: [...NOTIFICATION_CHANNELS],
      admin: { description: 'Where this type goes for users who have not chosen (their channel switches still apply).' },
    },
  ],
}
