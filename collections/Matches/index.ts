import type { CollectionConfig } from 'payload'
import { isOwner } from '../../src/access/isOwner.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { or } from '../../src/access/or.ts'
import { MATCH_STATUSES } from '../../src/domain/matches/statuses.ts'

const systemOnly = { create: nobody, update: nobody }

/**
 * A user matched with a friend (spec 001). Written only by src/domain/matches: staff create them through
 * /api/v1/matches (which computes the score), the matched user answers. Readable by the two parties and staff.
 */
export const Matches: CollectionConfig = {
  slug: 'matches',
  admin: { group: 'HumanLink', defaultColumns: ['user', 'friend', 'compatibility_score', 'status', 'createdAt'] },
  access: { read: or(isStaff, isOwner('user'), isOwner('friend')), create: nobody, update: nobody, delete: isStaff },
  // One match per pair: asking twice is a conflict, not a second row.
  indexes: [{ fields: ['user', 'friend'], unique: true }],
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, access: systemOnly },
    { name: 'friend', type: 'relationship', relationTo: 'users', required: true, index: true, access: systemOnly },
    { name: 'compatibility_score', type: 'number', required: true, min: 0, max: 100, index: true, access: systemOnly },
    {
      name: 'status',
      type: 'select',
      options: [...MATCH_STATUSES],
      defaultValue: 'pending',
      required: true,
      index: true,
      access: systemOnly,
    },
    { name: 'responded_at', type: 'date', access: systemOnly },
    { name: 'created_by', type: 'relationship', relationTo: 'users', access: systemOnly },
  ],
}
