import type { CollectionConfig } from 'payload'
import { isParticipant } from '../../src/access/isParticipant.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { or } from '../../src/access/or.ts'
import { ROOM_KINDS } from '../../src/domain/chat/statuses.ts'

/**
 * A conversation: spec 002's private investor<->startup room, a group, or spec 001's session chat. Written
 * only by src/domain/chat (chatRecords.ts): `last_seq` is bumped in each message insert's transaction, so
 * messages of a room are numbered 1, 2, 3... with no gap or repeat. Participants and staff read it.
 */
export const ChatRooms: CollectionConfig = {
  slug: 'chat-rooms',
  admin: { group: 'Chat', useAsTitle: 'name', defaultColumns: ['name', 'kind', 'participants', 'last_seq', 'last_message_at'] },
  access: { read: or(isStaff, isParticipant), create: nobody, update: nobody, delete: isStaff },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, maxLength: 255 },
    { name: 'kind', type: 'select', options: [...ROOM_KINDS], required: true, defaultValue: 'private', index: true },
    { name: 'participants', type: 'relationship', relationTo: 'users', hasMany: true, required: true },
    { name: 'created_by', type: 'relationship', relationTo: 'users' },
    {
      name: 'session_id',
      type: 'number',
      unique: true,
      admin: { description: 'The session (spec 001) whose live chat this is; only for kind "session".' },
    },
    { name: 'last_seq', type: 'number', required: true, defaultValue: 0, admin: { readOnly: true } },
    {
      name: 'delivered_seq',
      type: 'number',
      required: true,
      defaultValue: 0,
      admin: { readOnly: true, description: 'Messages up to this seq have been pushed to sockets, in order.' },
    },
    { name: 'last_message_at', type: 'date', index: true, admin: { readOnly: true } },
  ],
}
