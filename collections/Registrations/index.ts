import type { CollectionConfig } from 'payload'
import { isEventFacilitator } from '../../src/access/isEventFacilitator.ts'
import { isOwner } from '../../src/access/isOwner.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { or } from '../../src/access/or.ts'
import { CANCEL_REASONS, REGISTRATION_PAYMENT_STATUSES, REGISTRATION_STATUSES } from '../../src/domain/registrations/statuses.ts'

const systemOnly = { create: nobody, update: nobody }

/**
 * A seat at an event (a "booking" in spec 004, a "ticket" in 000). Written only by
 * src/domain/registrations, so the seat count, the status and the waitlist move together; at most one
 * active registration per event and user (partial unique index, in a migration).
 */
export const Registrations: CollectionConfig = {
  slug: 'registrations',
  admin: {
    group: 'Events',
    useAsTitle: 'ticket_code',
    defaultColumns: ['ticket_code', 'event', 'user', 'status', 'payment_status', 'createdAt'],
  },
  access: { read: or(isStaff, isOwner('user'), isEventFacilitator), create: nobody, update: isStaff, delete: nobody },
  indexes: [{ fields: ['event', 'status'] }, { fields: ['user', 'status'] }],
  fields: [
    { name: 'event', type: 'relationship', relationTo: 'events', required: true, index: true, access: systemOnly },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, access: systemOnly },
    { name: 'status', type: 'select', options: [...REGISTRATION_STATUSES], required: true, index: true, access: systemOnly },
    { name: 'ticket_code', type: 'text', unique: true, access: systemOnly },
    { name: 'notes', type: 'textarea', maxLength: 2000 },
    { name: 'payment', type: 'relationship', relationTo: 'payments', access: systemOnly },
    {
      name: 'payment_status',
      type: 'select',
      options: [...REGISTRATION_PAYMENT_STATUSES],
      defaultValue: 'not_required',
      required: true,
      access: systemOnly,
    },
    { name: 'booking_date', type: 'date', required: true, access: systemOnly },
    // True while this registration counts in events.seats_taken (confirmed, checked in, paying, or offered).
    { name: 'holds_seat', type: 'checkbox', defaultValue: false, index: true, access: systemOnly },
    { name: 'hold_expires_at', type: 'date', access: systemOnly },
    { name: 'offer_expires_at', type: 'date', index: true, access: systemOnly },
    { name: 'claim_token_hash', type: 'text', hidden: true, access: systemOnly },
    { name: 'checked_in_at', type: 'date', access: systemOnly },
    { name: 'cancelled_at', type: 'date', access: systemOnly },
    { name: 'cancel_reason', type: 'select', options: [...CANCEL_REASONS], access: systemOnly },
  ],
}
