import type { CollectionConfig } from 'payload'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { DIGEST_KINDS } from '../../src/domain/notifications/statuses.ts'

/**
 * One row per digest email sent: (user, kind, period start as a local date) is unique and claimed in the
 * same transaction as the email's outbox row, so a digest goes out exactly once per user and period.
 */
export const NotificationDigests: CollectionConfig = {
  slug: 'notification-digests',
  admin: { group: 'Notifications', defaultColumns: ['user', 'kind', 'period_start', 'notification_count', 'createdAt'] },
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['user', 'kind', 'period_start'], unique: true }],
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true },
    { name: 'kind', type: 'select', options: [...DIGEST_KINDS], required: true },
    { name: 'period_start', type: 'text', required: true, admin: { description: 'Local date (YYYY-MM-DD) the period starts on.' } },
    { name: 'period_start_at', type: 'date', required: true, admin: { description: '08:00 of that date in the user’s time zone.' } },
    { name: 'timezone', type: 'text', required: true },
    { name: 'notification_count', type: 'number', required: true },
  ],
}
