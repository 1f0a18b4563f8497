import { EVENT_STATUSES } from '../../src/domain/events/statuses.ts'
import type { CollectionConfig, Validate } from 'payload'
import { syncDescriptionText } from '../../hooks/events/syncDescriptionText.ts'
import { setCreatedBy } from '../../hooks/events/setCreatedBy.ts'
import { isFacilitatorOrStaffField } from '../../src/access/isFacilitatorOrStaffField.ts'
import { isLoggedIn } from '../../src/access/isLoggedIn.ts'
import { isOwner } from '../../src/access/isOwner.ts'
import { isPublished } from '../../src/access/isPublished.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { isStaffField } from '../../src/access/isStaffField.ts'
import { nobody } from '../../src/access/nobody.ts'
import { or } from '../../src/access/or.ts'
import { isValidTimezone, urlProblem } from '../../src/lib/validation/identity.ts'
import { isCurrency } from '../../src/lib/validation/money.ts'

type EventData = { start_datetime?: string | Date | null; seats_taken?: number | null }

const endAfterStart: Validate<string | Date, EventData, EventData> = (value, { siblingData }) => {
  const start = siblingData.start_datetime
  if (!value || !start) return true
  return new Date(value) > new Date(start) ? true : 'The event must end after it starts.'
}

// `data` holds the stored document merged with the change, so seats_taken is the current count.
const capacity: Validate<number, EventData> = (value, { data }) => {
  if (value === null || value === undefined) return true
  if (!Number.isInteger(value) || value < 0) return 'Enter a whole number, 0 for unlimited.'
  const taken = Number(data.seats_taken ?? 0)
  return value === 0 || value >= taken ? true : `${taken} seats are already taken; capacity cannot be lower.`
}

const url: Validate<string | null | undefined> = (value) => (!value ? true : (urlProblem(value) ?? true))

export const Events: CollectionConfig = {
  slug: 'events',
  admin: {
    group: 'Events',
    useAsTitle: 'name',
    defaultColumns: ['name', 'event_type', 'start_datetime', 'seats_taken', 'max_attendees', 'status', 'is_published'],
  },
  // Anyone reads published events; staff and an event's creator also read it unpublished.
  access: {
    read: or(isPublished, isStaff, isOwner('created_by')),
    create: isLoggedIn,
    update: or(isStaff, isOwner('created_by')),
    delete: isStaff,
  },
  hooks: { beforeChange: [setCreatedBy, syncDescriptionText] },
  indexes: [{ fields: ['is_published', 'status', 'start_datetime'] }],
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 255 }, // responses also carry it as `title` (specs 001, 004)
    { name: 'description', type: 'richText' },
    // Plain text of `description`, kept by a hook: what the API returns and what search matches.
    { name: 'description_text', type: 'textarea', admin: { hidden: true }, access: { create: nobody, update: nobody } },
    { name: 'event_type', type: 'relationship', relationTo: 'event-types', required: true, index: true },
    {
      name: 'facilitator',
      type: 'relationship',
      relationTo: 'facilitators',
      index: true,
      access: { create: isFacilitatorOrStaffField, update: isStaffField },
    },
    {
      type: 'row',
      fields: [
        { name: 'start_datetime', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
        {
          name: 'end_datetime',
          type: 'date',
          required: true,
          validate: endAfterStart,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'timezone',
          type: 'text',
          defaultValue: 'UTC',
          validate: (value: string | null | undefined) => (!value || isValidTimezone(value) ? true : 'Enter an IANA time zone.'),
        },
      ],
    },
    { name: 'location_name', type: 'text', maxLength: 255 },
    { name: 'location_city', type: 'text', maxLength: 120, index: true },
    { name: 'location_country', type: 'text', maxLength: 120, index: true },
    { name: 'location', type: 'text', maxLength: 500, admin: { description: 'Free-text location (spec 004).' } },
    { name: 'virtual_link', type: 'text', maxLength: 500, validate: url },
    {
      name: 'max_attendees',
      type: 'number',
      required: true,
      defaultValue: 0,
      min: 0,
      validate: capacity,
      admin: { description: '0 = unlimited' },
    },
    {
      name: 'seats_taken',
      type: 'number',
      defaultValue: 0,
      admin: { readOnly: true, description: 'Kept by registrations, in the same transaction; nobody writes it.' },
      access: { create: nobody, update: nobody },
    },
    { name: 'price_cents', type: 'number', required: true, defaultValue: 0, min: 0, admin: { description: 'In minor units; 0 = free.' } },
    {
      name: 'currency',
      type: 'text',
      required: true,
      defaultValue: 'USD',
      validate: (value: string | null | undefined) => (value && isCurrency(value) ? true : 'Enter an ISO 4217 code such as USD.'),
    },
    { name: 'requirements', type: 'textarea', maxLength: 2000 },
    { name: 'image_url', type: 'text', maxLength: 500, validate: url },
    // Members' events wait for staff approval; facilitators and staff publish directly.
    {
      name: 'is_published',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      access: { create: isFacilitatorOrStaffField, update: isFacilitatorOrStaffField },
    },
    {
      name: 'status',
      type: 'select',
      options: [...EVENT_STATUSES],
      defaultValue: 'active',
      required: true,
      index: true,
      access: { create: isFacilitatorOrStaffField, update: isFacilitatorOrStaffField },
    },
    { name: 'created_by', type: 'relationship', relationTo: 'users', index: true, admin: { readOnly: true }, access: { update: nobody } },
  ],
}
