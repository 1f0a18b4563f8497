import { randomUUID } from 'node:crypto'
import type { CollectionConfig } from 'payload'
import { isOwner } from '../../src/access/isOwner.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { or } from '../../src/access/or.ts'
import { NOTIFICATION_PRIORITIES } from '../../src/domain/notifications/statuses.ts'

const systemOnly = { create: nobody, update: nobody }

/**
 * The inbox: one row per recipient and notification, written only by src/domain/notifications (notify()).
 * Push and email are deliveries of these rows. Nobody creates them through REST or GraphQL; each user
 * reads their own, staff read and edit all of them in the admin.
 */
export const Notifications: CollectionConfig = {
  slug: 'notifications',
  admin: { group: 'Notifications', useAsTitle: 'title', defaultColumns: ['title', 'recipient', 'type', 'is_read', 'createdAt'] },
  access: { read: or(isStaff, isOwner('recipient')), create: nobody, update: isStaff, delete: isStaff },
  // One notification per recipient and key: retried or concurrent triggers (reminder jobs) notify once.
  indexes: [{ fields: ['recipient', 'dedupe_key'], unique: true }],
  fields: [
    {
      name: 'notification_id',
      type: 'text',
      required: true,
      unique: true,
      defaultValue: () => randomUUID(),
      admin: { readOnly: true, description: 'Public id (spec 002).' },
      access: systemOnly,
    },
    { name: 'recipient', type: 'relationship', relationTo: 'users', required: true, index: true, access: systemOnly },
    { name: 'type', type: 'relationship', relationTo: 'notification-types', required: true, index: true, access: systemOnly },
    { name: 'title', type: 'text', required: true, maxLength: 255 },
    { name: 'message', type: 'textarea', maxLength: 5000 },
    { name: 'priority', type: 'select', options: [...NOTIFICATION_PRIORITIES], defaultValue: 'medium', required: true },
    {
      name: 'actor',
      type: 'group',
      admin: { description: 'Who caused it, as shown at the time.' },
      fields: [
        { name: 'type', type: 'text', maxLength: 40 },
        { name: 'user_id', type: 'number' },
        { name: 'investor_id', type: 'number' },
        { name: 'display_name', type: 'text', maxLength: 255 },
      ],
    },
    { name: 'redirect', type: 'json', admin: { description: '{kind, id, url}: where the app opens it.' } },
    { name: 'action_url', type: 'text', maxLength: 2000 },
    { name: 'metadata', type: 'json' },
    { name: 'is_read', type: 'checkbox', defaultValue: false, index: true },
    { name: 'read_at', type: 'date' },
    {
      name: 'in_app',
      type: 'checkbox',
      defaultValue: true,
      admin: { description: 'Shown in the inbox (the recipient had in-app notifications on). Off = email only.' },
      access: systemOnly,
    },
    { name: 'expires_at', type: 'date', index: true, admin: { description: 'Hidden after this time and purged by a job.' } },
    { name: 'emailed_at', type: 'date', admin: { readOnly: true }, access: systemOnly },
    { name: 'digest', type: 'relationship', relationTo: 'notification-digests', admin: { readOnly: true }, access: systemOnly },
    { name: 'dedupe_key', type: 'text', hidden: true, access: systemOnly },
  ],
}
