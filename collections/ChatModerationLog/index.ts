import type { CollectionConfig } from 'payload'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { MODERATION_ACTIONS } from '../../src/domain/chat/statuses.ts'

/** Every hide and unhide of a chat message, by whom and when: append-only, written by the chat-messages hook. */
export const ChatModerationLog: CollectionConfig = {
  slug: 'chat-moderation-log',
  admin: { group: 'Chat', defaultColumns: ['action', 'message', 'room', 'moderator', 'createdAt'] },
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'action', type: 'select', options: [...MODERATION_ACTIONS], required: true },
    { name: 'message', type: 'relationship', relationTo: 'chat-messages', required: true, index: true },
    { name: 'room', type: 'relationship', relationTo: 'chat-rooms', required: true },
    { name: 'moderator', type: 'relationship', relationTo: 'users' },
    { name: 'reason', type: 'textarea', maxLength: 2000 },
  ],
}
