import type { CollectionConfig } from 'payload'
import { isLoggedIn } from '../../src/access/isLoggedIn.ts'
import { nobody } from '../../src/access/nobody.ts'

const systemOnly = { create: nobody, update: nobody }

/**
 * What a friend (a user with the facilitator role) publishes for booking: bio, hourly rate, timezone and
 * weekly availability. Written only by src/domain/friends (PATCH /api/v1/friends/me); the rating fields
 * are kept current by the feedback area through the friends area's use case.
 */
export const FriendProfiles: CollectionConfig = {
  slug: 'friend-profiles',
  admin: { group: 'HumanLink', defaultColumns: ['user', 'rate_cents', 'currency', 'rating_average', 'rating_count'] },
  access: { read: isLoggedIn, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, unique: true, index: true, access: systemOnly },
    { name: 'bio', type: 'textarea', maxLength: 4000 },
    { name: 'rate_cents', type: 'number', required: true, defaultValue: 0, min: 0, admin: { description: 'Price per hour, in cents.' } },
    { name: 'currency', type: 'text', required: true, defaultValue: 'USD', maxLength: 3 },
    { name: 'timezone', type: 'text', required: true, defaultValue: 'UTC', maxLength: 64 },
    {
      name: 'availability',
      type: 'json',
      required: true,
      defaultValue: [],
      admin: { description: '[{weekday 0-6 (Monday 0), start "HH:MM", end "HH:MM"}] in the friend\'s timezone.' },
    },
    { name: 'rating_average', type: 'number', access: systemOnly, admin: { readOnly: true } },
    { name: 'rating_count', type: 'number', defaultValue: 0, required: true, access: systemOnly, admin: { readOnly: true } },
  ],
}
