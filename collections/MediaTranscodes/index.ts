import type { CollectionConfig } from 'payload'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { TRANSCODE_FORMATS, TRANSCODE_QUALITIES, TRANSCODE_STATUSES } from '../../src/domain/media/statuses.ts'

/**
 * Transcode jobs, claimed by the transcode worker with FOR UPDATE SKIP LOCKED (a lease in locked_until
 * lets another instance take over a crashed worker's job). Written only by the media area.
 */
export const MediaTranscodes: CollectionConfig = {
  slug: 'media-transcodes',
  admin: { group: 'Content', defaultColumns: ['media', 'output_format', 'quality', 'status', 'attempts', 'createdAt'] },
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'media', type: 'relationship', relationTo: 'media', required: true, index: true },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'output_format', type: 'select', options: [...TRANSCODE_FORMATS], required: true },
    { name: 'quality', type: 'select', options: [...TRANSCODE_QUALITIES], required: true },
    { name: 'status', type: 'select', options: [...TRANSCODE_STATUSES], defaultValue: 'queued', required: true, index: true },
    { name: 'attempts', type: 'number', defaultValue: 0, required: true },
    { name: 'locked_until', type: 'date' },
    { name: 'started_at', type: 'date' },
    { name: 'finished_at', type: 'date' },
    { name: 'error', type: 'textarea' },
    { name: 'output', type: 'relationship', relationTo: 'media' },
  ],
}
