import type { CollectionConfig } from 'payload'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { ANALYTICS_EVENT_TYPES } from '../../src/domain/analytics/statuses.ts'

/**
 * Per day, endpoint, method, user and event type: the daily rollup of analytics-events, kept after the raw
 * rows expire. Written only by the rollup job (src/domain/analytics/rollupAnalytics.ts).
 */
export const AnalyticsDaily: CollectionConfig = {
  slug: 'analytics-daily',
  admin: { group: 'System', useAsTitle: 'endpoint', defaultColumns: ['day', 'method', 'endpoint', 'calls', 'errors', 'avg_ms'] },
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  timestamps: false,
  fields: [
    { name: 'day', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayOnly' } } },
    { name: 'event_type', type: 'select', options: [...ANALYTICS_EVENT_TYPES], required: true },
    { name: 'endpoint', type: 'text', required: true, maxLength: 500 },
    { name: 'method', type: 'text', required: true, maxLength: 10 },
    { name: 'user', type: 'relationship', relationTo: 'users', index: true },
    { name: 'calls', type: 'number', required: true },
    { name: 'errors', type: 'number', required: true },
    { name: 'avg_ms', type: 'number', required: true },
    { name: 'min_ms', type: 'number', required: true },
    { name: 'max_ms', type: 'number', required: true },
    { name: 'p95_ms', type: 'number', required: true },
  ],
}
