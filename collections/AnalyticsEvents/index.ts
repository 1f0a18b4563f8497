import type { CollectionConfig } from 'payload'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { ANALYTICS_EVENT_TYPES } from '../../src/domain/analytics/statuses.ts'

/**
 * One row per API call (route template, never the raw path) or reported page view. Written only in
 * batches by src/domain/analytics (the usage recorder), read by the analytics routes; kept 90 days.
 */
export const AnalyticsEvents: CollectionConfig = {
  slug: 'analytics-events',
  admin: {
    group: 'System',
    useAsTitle: 'endpoint',
    defaultColumns: ['occurred_at', 'method', 'endpoint', 'status_code', 'duration_ms', 'user'],
  },
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  // Rows are inserted by one multi-row statement off the request path; Payload's timestamps would only cost.
  timestamps: false,
  indexes: [{ fields: ['user', 'occurred_at'] }],
  fields: [
    { name: 'event_type', type: 'select', options: [...ANALYTICS_EVENT_TYPES], required: true, defaultValue: 'api_call' },
    { name: 'endpoint', type: 'text', required: true, maxLength: 500 },
    { name: 'method', type: 'text', required: true, maxLength: 10 },
    { name: 'status_code', type: 'number', required: true },
    { name: 'duration_ms', type: 'number', required: true },
    { name: 'user', type: 'relationship', relationTo: 'users' },
    { name: 'error_message', type: 'textarea' },
    { name: 'occurred_at', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
  ],
}
