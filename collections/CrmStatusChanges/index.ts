import type { CollectionConfig } from 'payload'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { CRM_ACTORS, CRM_PIPELINE } from '../../src/domain/crm/statuses.ts'

/**
 * Append-only history of CRM stage moves (a trigger refuses UPDATE and DELETE): the status history on
 * each booking and the source of exact time-in-stage figures. The first row of a booking is its arrival
 * (from_status null -> new).
 */
export const CrmStatusChanges: CollectionConfig = {
  slug: 'crm-status-changes',
  admin: { group: 'CRM', defaultColumns: ['crm_booking', 'from_status', 'to_status', 'actor', 'changed_by', 'changed_at'] },
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['crm_booking', 'changed_at'] }],
  timestamps: false,
  fields: [
    { name: 'crm_booking', type: 'relationship', relationTo: 'crm-bookings', required: true, index: true },
    { name: 'from_status', type: 'select', options: [...CRM_PIPELINE] },
    { name: 'to_status', type: 'select', options: [...CRM_PIPELINE], required: true },
    { name: 'actor', type: 'select', options: [...CRM_ACTORS], required: true },
    { name: 'changed_by', type: 'relationship', relationTo: 'users' },
    { name: 'changed_at', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'notes', type: 'textarea' },
  ],
}
