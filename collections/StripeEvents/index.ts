import type { CollectionConfig } from 'payload'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'

/**
 * Every Stripe event received, once: its id is inserted in the same transaction as the event's effect,
 * so a replayed or concurrent duplicate changes nothing. Read-only, for staff.
 */
export const StripeEvents: CollectionConfig = {
  slug: 'stripe-events',
  admin: { group: 'Payments', useAsTitle: 'event_id', defaultColumns: ['event_id', 'type', 'received_at', 'processed_at'] },
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'event_id', type: 'text', required: true, unique: true },
    { name: 'type', type: 'text', required: true, index: true },
    { name: 'received_at', type: 'date', required: true },
    { name: 'processed_at', type: 'date' },
    { name: 'payload', type: 'json' },
  ],
}
