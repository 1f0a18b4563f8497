import type { CollectionConfig } from 'payload'
import { isOwner } from '../../src/access/isOwner.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { or } from '../../src/access/or.ts'
import { PAYMENT_METHODS, PAYMENT_STATUSES } from '../../src/domain/payments/statuses.ts'

/**
 * Money taken (or attempted) through Stripe for a registration. Written only by src/domain/payments
 * (checkout creation, webhooks, reconciliation): no interface may set Stripe ids, amounts or statuses.
 */
export const Payments: CollectionConfig = {
  slug: 'payments',
  admin: {
    group: 'Payments',
    useAsTitle: 'stripe_checkout_session_id',
    defaultColumns: ['user', 'registration', 'amount_cents', 'currency', 'payment_method', 'status', 'createdAt'],
  },
  access: { read: or(isStaff, isOwner('user')), create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'registration', type: 'relationship', relationTo: 'registrations', index: true },
    { name: 'stripe_checkout_session_id', type: 'text', unique: true },
    { name: 'stripe_payment_intent_id', type: 'text', unique: true },
    { name: 'stripe_refund_id', type: 'text' },
    { name: 'amount_cents', type: 'number', required: true, min: 0 },
    { name: 'currency', type: 'text', required: true },
    { name: 'payment_method', type: 'select', options: [...PAYMENT_METHODS], required: true },
    { name: 'status', type: 'select', options: [...PAYMENT_STATUSES], required: true, defaultValue: 'pending', index: true },
    { name: 'failure_reason', type: 'text' },
    { name: 'paid_at', type: 'date' },
    { name: 'refunded_at', type: 'date' },
  ],
}
