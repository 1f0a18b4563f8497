import type { CollectionConfig } from 'payload'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { OUTBOX_PRIORITIES, OUTBOX_STATUSES } from '../../src/domain/outbox/statuses.ts'

/**
 * Side effects (email, socket pushes, CRM and Stripe calls) are written here in the same transaction
 * as the change that causes them, and performed by the outbox worker only after that commit.
 */
export const Outbox: CollectionConfig = {
  slug: 'outbox',
  admin: { group: 'System', useAsTitle: 'topic', defaultColumns: ['topic', 'status', 'attempts', 'available_at', 'createdAt'] },
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'topic', type: 'text', required: true, index: true },
    { name: 'data', type: 'json', required: true },
    {
      name: 'status',
      type: 'select',
      options: [...OUTBOX_STATUSES],
      defaultValue: 'pending',
      required: true,
      index: true,
    },
    // Transactional mail (tickets, resets, offers) is claimed before bulk mail (digests), so it never waits behind it.
    { name: 'priority', type: 'select', options: [...OUTBOX_PRIORITIES], defaultValue: 'transactional', required: true, index: true },
    { name: 'attempts', type: 'number', defaultValue: 0, required: true },
    { name: 'available_at', type: 'date', index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'locked_until', type: 'date' },
    { name: 'processed_at', type: 'date' },
    { name: 'last_error', type: 'textarea' },
  ],
}
