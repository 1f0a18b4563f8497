import type { CollectionConfig } from 'payload'
import { stampTicketReplies } from '../../hooks/support/stampTicketReplies.ts'
import { notifyTicketOpener } from '../../hooks/support/notifyTicketOpener.ts'
import { isOwner } from '../../src/access/isOwner.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { or } from '../../src/access/or.ts'
import { TICKET_STATUSES } from '../../src/domain/support/statuses.ts'

const systemOnly = { create: nobody, update: nobody }

/**
 * Users' support tickets. Users open them at /api/v1/support/tickets; staff answer and move them at
 * /api/v1/admin/tickets or here in the admin: either way the opener is notified of each reply and of the
 * resolution (hooks, in the same transaction).
 */
export const SupportTickets: CollectionConfig = {
  slug: 'support-tickets',
  admin: { group: 'HumanLink', useAsTitle: 'subject', defaultColumns: ['subject', 'user', 'status', 'assigned_to', 'updatedAt'] },
  access: { read: or(isStaff, isOwner('user')), create: nobody, update: isStaff, delete: nobody },
  hooks: { beforeChange: [stampTicketReplies], afterChange: [notifyTicketOpener] },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true, access: systemOnly },
    { name: 'subject', type: 'text', required: true, maxLength: 200, access: systemOnly },
    { name: 'message', type: 'textarea', required: true, maxLength: 10000, access: systemOnly },
    { name: 'status', type: 'select', options: [...TICKET_STATUSES], defaultValue: 'open', required: true, index: true },
    { name: 'assigned_to', type: 'relationship', relationTo: 'users', index: true, filterOptions: { roles: { in: ['manager', 'admin'] } } },
    { name: 'resolved_at', type: 'date', admin: { readOnly: true }, access: systemOnly },
    {
      name: 'replies',
      type: 'array',
      admin: { description: 'Staff replies; the opener is notified of each new one.' },
      fields: [
        { name: 'message', type: 'textarea', required: true, maxLength: 10000 },
        { name: 'author', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
        { name: 'created_at', type: 'date', admin: { readOnly: true } },
      ],
    },
  ],
}
