import type { CollectionConfig } from 'payload'
import { isOwner } from '../../src/access/isOwner.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { or } from '../../src/access/or.ts'
import { SESSION_PAYMENT_STATUSES, SESSION_STATUSES, SESSION_TYPES } from '../../src/domain/sessions/statuses.ts'

const systemOnly = { create: nobody, update: nobody }

/**
 * A booked session between a user and a friend (spec 001's sessions). Written only by src/domain/sessions.
 * Two exclusion constraints (in the migration) refuse an upcoming session overlapping another upcoming
 * session of the same friend or of the same user, whatever the concurrency.
 */
export const FriendSessions: CollectionConfig = {
  slug: 'friend-sessions',
  admin: { group: 'HumanLink', defaultColumns: ['user', 'friend', 'type', 'scheduled_at', 'status', 'price_cents'] },
  access: { read: or(isStaff, isOwner('user'), isOwner('friend')), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['status', 'scheduled_at'] }],
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, access: systemOnly },
    { name: 'friend', type: 'relationship', relationTo: 'users', required: true, index: true, access: systemOnly },
    { name: 'type', type: 'select', options: [...SESSION_TYPES], required: true, access: systemOnly },
    { name: 'scheduled_at', type: 'date', required: true, index: true, access: systemOnly },
    // scheduled_at + duration, kept by the records so the exclusion constraints can compare ranges.
    { name: 'ends_at', type: 'date', required: true, access: systemOnly },
    { name: 'duration_minutes', type: 'number', required: true, min: 15, max: 240, access: systemOnly },
    { name: 'price_cents', type: 'number', required: true, min: 0, access: systemOnly },
    { name: 'currency', type: 'text', required: true, maxLength: 3, access: systemOnly },
    {
      name: 'status',
      type: 'select',
      options: [...SESSION_STATUSES],
      defaultValue: 'upcoming',
      required: true,
      index: true,
      access: systemOnly,
    },
    { name: 'notes', type: 'textarea', maxLength: 2000, access: systemOnly },
    { name: 'payment_status', type: 'select', options: [...SESSION_PAYMENT_STATUSES], required: true, access: systemOnly },
    { name: 'stripe_payment_intent_id', type: 'text', index: true, access: systemOnly },
    { name: 'late_cancellation', type: 'checkbox', defaultValue: false, access: systemOnly },
    { name: 'cancelled_at', type: 'date', access: systemOnly },
    { name: 'cancelled_by', type: 'relationship', relationTo: 'users', access: systemOnly },
    { name: 'reminded_24h_at', type: 'date', access: systemOnly },
    { name: 'reminded_15m_at', type: 'date', access: systemOnly },
  ],
}
