import type { CollectionConfig, Field } from 'payload'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { CRM_BOOKING_STATUSES, CRM_PIPELINE, CRM_SOURCES } from '../../src/domain/crm/statuses.ts'
import { flagWaitingBooking } from '../../hooks/crm/flagWaitingBooking.ts'
import { recordAdminStageChange } from '../../hooks/crm/recordAdminStageChange.ts'

const systemOnly = { create: nobody, update: nobody }
type SnapshotOptions = { index?: boolean; required?: boolean }
/** A value copied from the booking when it arrived: written by the CRM's worker only, read-only in the admin. */
function snapshot(name: string, type: 'text' | 'number' | 'date' = 'text', options: SnapshotOptions = {}): Field {
  const common = { name, access: systemOnly, ...options }
  if (type === 'date') return { ...common, type, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } }
  if (type === 'number') return { ...common, type, admin: { readOnly: true } }
  return { ...common, type, admin: { readOnly: true } }
}

/**
 * Spec 004's CRM: one row per booking (unique per source and booking id), fed through the outbox by the
 * registrations area and by POST crm/notify; staff work its pipeline (crm_status, assigned_to, crm_notes).
 * Written only by src/domain/crm; every stage change is also a row of crm-status-changes.
 */
export const CrmBookings: CollectionConfig = {
  slug: 'crm-bookings',
  admin: {
    group: 'CRM',
    useAsTitle: 'user_name',
    defaultColumns: [
      'booking_id',
      'user_name',
      'event_title',
      'facilitator_id',
      'crm_status',
      'waiting_over_24h',
      'assigned_to',
      'received_at',
    ],
    listSearchableFields: ['user_name', 'user_email', 'event_title'],
    description: 'Every booking, in the pipeline new -> reviewed -> contacted -> confirmed -> completed.',
  },
  access: { read: isStaff, create: nobody, update: isStaff, delete: nobody },
  defaultSort: '-received_at',
  indexes: [{ fields: ['source', 'booking_id'], unique: true }, { fields: ['crm_status', 'received_at'] }],
  hooks: { afterRead: [flagWaitingBooking], afterChange: [recordAdminStageChange] },
  fields: [
    { name: 'source', type: 'select', options: [...CRM_SOURCES], required: true, defaultValue: 'platform', access: systemOnly },
    { name: 'booking_id', type: 'number', required: true, index: true, access: systemOnly, admin: { readOnly: true } },
    { name: 'registration', type: 'relationship', relationTo: 'registrations', index: true, access: systemOnly, admin: { readOnly: true } },
    {
      type: 'collapsible',
      label: 'User',
      fields: [snapshot('user_id', 'number'), snapshot('user_email'), snapshot('user_name'), snapshot('user_phone')],
    },
    {
      type: 'collapsible',
      label: 'Event',
      fields: [
        snapshot('event_id', 'number'),
        snapshot('event_title'),
        snapshot('event_type'),
        snapshot('event_start_datetime', 'date'),
        snapshot('event_location'),
      ],
    },
    snapshot('facilitator_id', 'number', { index: true }),
    snapshot('booking_date', 'date'),
    { name: 'notes', type: 'textarea', access: systemOnly, admin: { readOnly: true } },
    snapshot('received_at', 'date', { required: true, index: true }),
    {
      name: 'status',
      type: 'select',
      options: [...CRM_BOOKING_STATUSES],
      required: true,
      defaultValue: 'received',
      index: true,
      access: systemOnly,
    },
    {
      name: 'crm_status',
      type: 'select',
      options: [...CRM_PIPELINE],
      required: true,
      defaultValue: 'new',
      index: true,
      access: { create: nobody },
    },
    { name: 'crm_notes', type: 'textarea', maxLength: 5000 },
    { name: 'assigned_to', type: 'relationship', relationTo: 'users', index: true, filterOptions: { roles: { in: ['manager', 'admin'] } } },
    {
      name: 'waiting_over_24h',
      type: 'checkbox',
      virtual: true,
      admin: { readOnly: true, description: 'Still new more than 24 hours after it arrived.' },
    },
    {
      name: 'delivery',
      type: 'group',
      admin: { description: 'Delivery to the external CRM (CRM_SERVICE_URL), when one is configured.' },
      fields: [
        { name: 'attempts', type: 'number', defaultValue: 0, access: systemOnly, admin: { readOnly: true } },
        { name: 'last_error', type: 'textarea', access: systemOnly, admin: { readOnly: true } },
        { name: 'delivered_at', type: 'date', access: systemOnly, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
    {
      name: 'status_history',
      type: 'join',
      collection: 'crm-status-changes',
      on: 'crm_booking',
      defaultSort: 'changed_at',
      admin: { defaultColumns: ['from_status', 'to_status', 'actor', 'changed_by', 'changed_at', 'notes'] },
    },
  ],
}
