import type { CollectionConfig } from 'payload'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'

/**
 * Bytes each member stores (media, files, transcode outputs). Moved only by the storage area's
 * conditional UPDATE, in the transaction that creates or deletes the upload, so parallel uploads can
 * never pass USER_STORAGE_QUOTA_BYTES together; a CHECK keeps it non-negative.
 */
export const StorageUsage: CollectionConfig = {
  slug: 'storage-usage',
  admin: { group: 'Content', defaultColumns: ['user', 'used_bytes', 'updatedAt'] },
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, unique: true },
    { name: 'used_bytes', type: 'number', required: true, defaultValue: 0 },
  ],
}
