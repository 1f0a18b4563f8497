import type { CollectionConfig } from 'payload'
import { isOwner } from '../../src/access/isOwner.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { or } from '../../src/access/or.ts'
import { SUBSCRIPTION_STATUSES } from '../../src/domain/billing/statuses.ts'

/** A user's Stripe subscription, mirrored from Stripe's webhooks (Stripe is the source of truth). */
export const Subscriptions: CollectionConfig = {
  slug: 'subscriptions',
  admin: {
    group: 'Payments',
    useAsTitle: 'stripe_subscription_id',
    defaultColumns: ['user', 'plan', 'status', 'current_period_end', 'cancel_at_period_end'],
  },
  access: { read: or(isStaff, isOwner('user')), create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'plan', type: 'relationship', relationTo: 'plans' },
    { name: 'stripe_subscription_id', type: 'text', required: true, unique: true },
    { name: 'stripe_customer_id', type: 'text', required: true, index: true },
    { name: 'status', type: 'select', options: [...SUBSCRIPTION_STATUSES], required: true, index: true },
    { name: 'current_period_start', type: 'date' },
    { name: 'current_period_end', type: 'date' },
    { name: 'cancel_at_period_end', type: 'checkbox', defaultValue: false },
    { name: 'canceled_at', type: 'date' },
  ],
}
