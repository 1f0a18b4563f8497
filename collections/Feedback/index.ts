import type { CollectionConfig } from 'payload'
import { isAdmin } from '../../src/access/isAdmin.ts'
import { isOwner } from '../../src/access/isOwner.ts'
import { nobody } from '../../src/access/nobody.ts'
import { or } from '../../src/access/or.ts'

const systemOnly = { create: nobody, update: nobody }

/**
 * A user's rating of a completed session (spec 001), one per session (unique). Written only by
 * src/domain/feedback. Friends read feedback about them, its author reads their own, admins read all.
 */
export const Feedback: CollectionConfig = {
  slug: 'feedback',
  admin: { group: 'HumanLink', defaultColumns: ['session', 'friend', 'rating', 'createdAt'] },
  access: { read: or(isAdmin, isOwner('friend'), isOwner('user')), create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'session', type: 'relationship', relationTo: 'friend-sessions', required: true, unique: true, access: systemOnly },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, access: systemOnly },
    { name: 'friend', type: 'relationship', relationTo: 'users', required: true, index: true, access: systemOnly },
    { name: 'rating', type: 'number', required: true, min: 1, max: 5, index: true, access: systemOnly },
    { name: 'comment', type: 'textarea', maxLength: 4000, access: systemOnly },
    { name: 'categories', type: 'text', hasMany: true, maxRows: 20, access: systemOnly },
  ],
}
