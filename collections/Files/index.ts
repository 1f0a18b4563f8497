import type { CollectionConfig } from 'payload'
import { releaseStorage } from '../../hooks/content/releaseStorage.ts'
import { reserveStorage } from '../../hooks/content/reserveStorage.ts'
import { setOwner } from '../../hooks/content/setOwner.ts'
import { isOwner } from '../../src/access/isOwner.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { or } from '../../src/access/or.ts'
import { uploadDir } from '../../src/lib/storage/uploadDirs.ts'

/**
 * Spec 003's files: any document a member keeps, a Payload upload collection like media. Any type is
 * accepted (downloads are always `Content-Disposition: attachment` with nosniff, never rendered by us);
 * the stored mime type is detected from the bytes, not taken from the client.
 */
export const Files: CollectionConfig = {
  slug: 'files',
  admin: {
    group: 'Content',
    useAsTitle: 'original_filename',
    defaultColumns: ['original_filename', 'mimeType', 'filesize', 'user', 'createdAt'],
  },
  access: { read: or(isStaff, isOwner('user')), create: isStaff, update: isStaff, delete: or(isStaff, isOwner('user')) },
  upload: { staticDir: uploadDir('files'), allowRestrictedFileTypes: true, focalPoint: false, crop: false },
  hooks: { beforeChange: [setOwner('user'), reserveStorage], afterDelete: [releaseStorage] },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, access: { update: nobody } },
    { name: 'original_filename', type: 'text', required: true, maxLength: 255 },
    { name: 'description', type: 'textarea', maxLength: 2000 },
    { name: 'tags', type: 'json', defaultValue: [], admin: { description: 'A list of short tags.' } },
  ],
}
