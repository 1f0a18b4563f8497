import type { CollectionConfig } from 'payload'
import { forgetEventTypeCache } from '../../hooks/events/forgetEventTypeCache.ts'
import { anyone } from '../../src/access/anyone.ts'
import { isAdmin } from '../../src/access/isAdmin.ts'
import { isStaff } from '../../src/access/isStaff.ts'

/** The kinds of event staff can offer (hackathon, meetup, session, retreat...). Seeded by a migration. */
export const EventTypes: CollectionConfig = {
  slug: 'event-types',
  admin: { group: 'Events', useAsTitle: 'label', defaultColumns: ['label', 'key', 'value', 'is_active'] },
  access: { read: anyone, create: isStaff, update: isStaff, delete: isAdmin },
  hooks: { afterChange: [forgetEventTypeCache] },
  fields: [
    {
      name: 'key',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      validate: (value: string | null | undefined) =>
        /^[a-z][a-z0-9_]{1,39}$/.test(value ?? '') ? true : 'Lowercase letters, digits and _ (e.g. retreat).',
      admin: { description: 'What events store and filters use, e.g. "retreat".' },
    },
    { name: 'label', type: 'text', required: true },
    { name: 'value', type: 'number', required: true, unique: true, admin: { description: 'Spec 004 lists types as {key, value}.' } },
    { name: 'is_active', type: 'checkbox', defaultValue: true },
  ],
}
