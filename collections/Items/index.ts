import type { CollectionConfig } from 'payload'
import { syncBodyText } from '../../hooks/items/syncBodyText.ts'
import { setPublishedAt } from '../../hooks/items/setPublishedAt.ts'
import { setOwner } from '../../hooks/content/setOwner.ts'
import { isLoggedIn } from '../../src/access/isLoggedIn.ts'
import { isOwner } from '../../src/access/isOwner.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { isStaffField } from '../../src/access/isStaffField.ts'
import { nobody } from '../../src/access/nobody.ts'
import { or } from '../../src/access/or.ts'
import { ITEM_STATUSES } from '../../src/domain/items/statuses.ts'

/**
 * Spec 003's content items. Private to their owner (staff override); others see one only through a
 * share link. `search_vector` (title A, description B, content and body C) is a generated column
 * added by the content migration, so search is current in the transaction of every write.
 */
export const Items: CollectionConfig = {
  slug: 'items',
  admin: { group: 'Content', useAsTitle: 'title', defaultColumns: ['title', 'item_type', 'status', 'user', 'published_at'] },
  access: {
    read: or(isStaff, isOwner('user')),
    create: isLoggedIn,
    update: or(isStaff, isOwner('user')),
    delete: or(isStaff, isOwner('user')),
  },
  hooks: { beforeChange: [setOwner('user'), setPublishedAt, syncBodyText] },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 255 },
    { name: 'description', type: 'textarea', maxLength: 5000 },
    // The API's `content` (any JSON the app stores); its strings are searchable.
    { name: 'content', type: 'json', defaultValue: {} },
    // The admin's rich-text body; body_text is its plain text, kept by a hook for search.
    { name: 'body', type: 'richText' },
    { name: 'body_text', type: 'textarea', admin: { hidden: true }, access: { create: nobody, update: nobody } },
    { name: 'item_type', type: 'text', required: true, defaultValue: 'post', maxLength: 64, index: true },
    { name: 'status', type: 'select', options: [...ITEM_STATUSES], defaultValue: 'draft', required: true, index: true },
    { name: 'metadata', type: 'json', defaultValue: {} },
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      required: true,
      index: true,
      admin: { description: 'The owner (spec 003 `user_id`).' },
      access: { update: isStaffField },
    },
    // Set once, when the item is first published (a later re-publish keeps the first date).
    { name: 'published_at', type: 'date', index: true, admin: { readOnly: true }, access: { create: nobody, update: nobody } },
  ],
}
