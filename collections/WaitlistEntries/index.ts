import type { CollectionConfig } from 'payload'
import { isAdmin } from '../../src/access/isAdmin.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'

const systemOnly = { create: nobody, update: nobody }

/**
 * The product waitlist (spec 000): one row per email (unique case-insensitively, in a migration), with a
 * gap-free position given at sign-up. Written only by src/domain/waitlist.
 */
export const WaitlistEntries: CollectionConfig = {
  slug: 'waitlist-entries',
  admin: { group: 'People', useAsTitle: 'email', defaultColumns: ['position', 'email', 'source', 'confirmation_sent', 'subscribed_at'] },
  access: { read: isStaff, create: nobody, update: isStaff, delete: isAdmin },
  fields: [
    { name: 'email', type: 'email', required: true, access: systemOnly },
    { name: 'source', type: 'text', maxLength: 100 },
    { name: 'position', type: 'number', required: true, unique: true, access: systemOnly },
    { name: 'confirmation_sent', type: 'checkbox', defaultValue: false, access: systemOnly },
    { name: 'subscribed_at', type: 'date', required: true, access: systemOnly },
    { name: 'ip', type: 'text', maxLength: 64, access: systemOnly },
  ],
}
