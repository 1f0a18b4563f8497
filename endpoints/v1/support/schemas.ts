import { z } from 'zod'
import { TICKET_STATUSES } from '../../../src/domain/support/statuses.ts'
import { TICKET_ORDERING } from '../../../src/domain/support/tickets.ts'
import { PersonCardOut, QueryRowId, RowId } from '../../../src/http/humanlinkSchemas.ts'
import { humanlinkListParams, toListQuery } from '../../../src/lib/validation/humanlinkQuery.ts'

export const OpenTicketBody = z.object({
  subject: z.string().trim().min(1).max(200),
  message: z.string().trim().min(1).max(10000),
})

export const MyTicketsQuery = humanlinkListParams(Object.keys(TICKET_ORDERING))
  .extend({ status: z.enum(TICKET_STATUSES).optional() })
  .transform((query) => ({ ...toListQuery(query), mine: true }))

export const StaffTicketsQuery = humanlinkListParams(Object.keys(TICKET_ORDERING))
  .extend({ status: z.enum(TICKET_STATUSES).optional(), assigned_to: QueryRowId.optional() })
  .transform(({ assigned_to, ...rest }) => ({ ...toListQuery(rest), assignedTo: assigned_to, mine: false }))

export const ActOnTicketBody = z
  .object({
    status: z.enum(TICKET_STATUSES).optional(),
    assigned_to: RowId.nullable().optional(),
    reply: z.string().trim().min(1).max(10000).optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'Send status, assigned_to or reply.',
    path: ['non_field_errors'],
  })
  .transform(({ assigned_to, ...rest }) => ({ ...rest, assignedTo: assigned_to }))

export const TicketOut = z.object({
  id: z.number(),
  subject: z.string(),
  message: z.string(),
  status: z.enum(TICKET_STATUSES),
  user: PersonCardOut,
  assigned_to: PersonCardOut.nullable(),
  replies: z.array(z.object({ id: z.string(), message: z.string(), author: PersonCardOut.nullable(), created_at: z.string().nullable() })),
  resolved_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
})
