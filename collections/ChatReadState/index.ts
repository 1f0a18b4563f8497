import type { CollectionConfig } from 'payload'
import { isOwner } from '../../src/access/isOwner.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { or } from '../../src/access/or.ts'

/**
 * How far each participant has read a room. Unread = room.last_seq - last_read_seq, exact by construction;
 * the marker only moves forward (conditional upsert in src/domain/chat/chatRecords.ts).
 */
export const ChatReadState: CollectionConfig = {
  slug: 'chat-read-state',
  admin: { group: 'Chat', defaultColumns: ['room', 'user', 'last_read_seq', 'updatedAt'] },
  access: { read: or(isStaff, isOwner('user')), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['room', 'user'], unique: true }],
  fields: [
    { name: 'room', type: 'relationship', relationTo: 'chat-rooms', required: true },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'last_read_seq', type: 'number', required: true, defaultValue: 0 },
  ],
}
