import type { CollectionConfig } from 'payload'
import { isOwner } from '../../src/access/isOwner.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { or } from '../../src/access/or.ts'

/** A user's channel switches (spec 002). Created with defaults on first read; users change them through /api/v1. */
export const NotificationPreferences: CollectionConfig = {
  slug: 'notification-preferences',
  admin: { group: 'Notifications', defaultColumns: ['user', 'enable_in_app', 'enable_email', 'enable_push'] },
  access: { read: or(isStaff, isOwner('user')), create: nobody, update: isStaff, delete: isStaff },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, unique: true, access: { create: nobody, update: nobody } },
    { name: 'enable_in_app', type: 'checkbox', defaultValue: true },
    { name: 'enable_email', type: 'checkbox', defaultValue: true },
    { name: 'enable_push', type: 'checkbox', defaultValue: true },
  ],
}
