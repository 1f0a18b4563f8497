import type { CollectionConfig } from 'payload'
import { releaseStorage } from '../../hooks/content/releaseStorage.ts'
import { reserveStorage } from '../../hooks/content/reserveStorage.ts'
import { setOwner } from '../../hooks/content/setOwner.ts'
import { isOwner } from '../../src/access/isOwner.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { or } from '../../src/access/or.ts'
import { MEDIA_TRANSCODE_STATUSES, MEDIA_TYPES } from '../../src/domain/media/statuses.ts'
import { uploadDir } from '../../src/lib/storage/uploadDirs.ts'

/**
 * Spec 003's media: a Payload upload collection (local disk under .data/uploads/media, or S3 when
 * S3_BUCKET is set). Members upload through POST /api/v1/media/upload, which detects the type from the
 * bytes, reads duration and size with ffprobe and counts the file against their storage quota (the
 * reserveStorage hook, so admin uploads count too). Outputs of transcodes are media rows of their own.
 */
export const Media: CollectionConfig = {
  slug: 'media',
  admin: {
    group: 'Content',
    useAsTitle: 'original_filename',
    defaultColumns: ['original_filename', 'media_type', 'filesize', 'user', 'createdAt'],
  },
  access: { read: or(isStaff, isOwner('user')), create: isStaff, update: isStaff, delete: or(isStaff, isOwner('user')) },
  upload: { staticDir: uploadDir('media'), mimeTypes: ['video/*', 'audio/*', 'image/*'], focalPoint: false, crop: false },
  hooks: { beforeChange: [setOwner('user'), reserveStorage], afterDelete: [releaseStorage] },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, access: { update: nobody } },
    { name: 'original_filename', type: 'text', required: true, maxLength: 255 },
    { name: 'media_type', type: 'select', options: [...MEDIA_TYPES], required: true, index: true },
    { name: 'duration', type: 'number', admin: { description: 'Seconds (ffprobe).' } },
    { name: 'transcoded', type: 'checkbox', defaultValue: false, admin: { description: 'A transcode of this medium has finished.' } },
    { name: 'transcode_status', type: 'select', options: [...MEDIA_TRANSCODE_STATUSES], defaultValue: 'none', required: true },
    { name: 'transcode_error', type: 'textarea' },
    { name: 'transcoded_from', type: 'relationship', relationTo: 'media', index: true, admin: { readOnly: true } },
  ],
}
