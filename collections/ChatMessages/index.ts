import type { CollectionConfig } from 'payload'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { MAX_MESSAGE_LENGTH, MESSAGE_TYPES } from '../../src/domain/chat/statuses.ts'
import { logModeration, stampHidden } from '../../hooks/chat/moderation.ts'

const systemOnly = { create: nobody, update: nobody }

/**
 * One message of a room, numbered by `seq` (1, 2, 3... per room, assigned in the insert's transaction;
 * unique with the room). Written by src/domain/chat; participants read it through /api/v1/chat. Staff read
 * every message in the admin and moderate by ticking `hidden`: the message disappears for participants
 * and each hide/unhide is logged in chat-moderation-log.
 */
export const ChatMessages: CollectionConfig = {
  slug: 'chat-messages',
  admin: { group: 'Chat', useAsTitle: 'text', defaultColumns: ['room', 'seq', 'sender', 'text', 'hidden', 'createdAt'] },
  access: { read: isStaff, create: nobody, update: isStaff, delete: nobody },
  indexes: [{ fields: ['room', 'seq'], unique: true }],
  hooks: { beforeChange: [stampHidden], afterChange: [logModeration] },
  fields: [
    { name: 'room', type: 'relationship', relationTo: 'chat-rooms', required: true, access: systemOnly },
    { name: 'seq', type: 'number', required: true, access: systemOnly },
    { name: 'sender', type: 'relationship', relationTo: 'users', required: true, index: true, access: systemOnly },
    { name: 'receiver', type: 'relationship', relationTo: 'users', access: systemOnly },
    { name: 'text', type: 'textarea', required: true, maxLength: MAX_MESSAGE_LENGTH, access: systemOnly },
    { name: 'message_type', type: 'select', options: [...MESSAGE_TYPES], required: true, defaultValue: 'text', access: systemOnly },
    { name: 'metadata', type: 'json', access: systemOnly },
    { name: 'edited_at', type: 'date', access: systemOnly },
    {
      name: 'hidden',
      type: 'checkbox',
      defaultValue: false,
      admin: { description: 'Hidden by moderation: participants no longer see it. Logged.' },
    },
    { name: 'moderation_reason', type: 'textarea', maxLength: 2000, admin: { condition: (data) => Boolean(data?.hidden) } },
    { name: 'deleted_at', type: 'date', admin: { readOnly: true, description: 'When it was hidden (set by the hook from `hidden`).' } },
  ],
}
