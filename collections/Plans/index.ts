import type { CollectionConfig } from 'payload'
import { anyone } from '../../src/access/anyone.ts'
import { isAdmin } from '../../src/access/isAdmin.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { isCurrency } from '../../src/lib/validation/money.ts'

/** Subscription plans (spec 001 `premium_monthly`, spec 003 billing). Staff edit them; Stripe bills them. */
export const Plans: CollectionConfig = {
  slug: 'plans',
  admin: {
    group: 'Payments',
    useAsTitle: 'name',
    defaultColumns: ['name', 'code', 'price_cents', 'currency', 'interval', 'rate_limit_tier', 'is_active'],
  },
  access: { read: anyone, create: isStaff, update: isStaff, delete: isAdmin },
  fields: [
    {
      name: 'code',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { description: 'What clients send as plan_id, e.g. premium_monthly.' },
    },
    { name: 'name', type: 'text', required: true },
    {
      name: 'stripe_price_id',
      type: 'text',
      admin: { description: 'Stripe Price to bill; empty = created from the amount below on first use.' },
    },
    { name: 'price_cents', type: 'number', required: true, min: 0 },
    {
      name: 'currency',
      type: 'text',
      required: true,
      defaultValue: 'USD',
      validate: (value: string | null | undefined) => (value && isCurrency(value) ? true : 'Enter an ISO 4217 code such as USD.'),
    },
    { name: 'interval', type: 'select', options: ['month', 'year'], required: true, defaultValue: 'month' },
    { name: 'rate_limit_tier', type: 'select', options: ['standard', 'premium'], required: true, defaultValue: 'premium' },
    { name: 'is_active', type: 'checkbox', defaultValue: true },
  ],
}
