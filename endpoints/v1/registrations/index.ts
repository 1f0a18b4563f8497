import { z } from 'zod'
import { ticketView } from '../../../src/domain/registrations/ticket.ts'
import { ConflictError, NotFoundError } from '../../../src/lib/errors.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { isStaffMember } from '../../../src/access/isStaffMember.ts'
import { readAsSystem } from '../../../src/lib/readAsSystem.ts'
import { TICKETED_STATUSES } from '../../../src/domain/registrations/statuses.ts'

export const registrationsRoutes = v1Router('/registrations')

const Params = z.object({ id: z.coerce.number().int().positive() })
const TicketOut = z.object({
  registration_id: z.number(),
  ticket_code: z.string(),
  status: z.string(),
  checked_in_at: z.string().nullable(),
  attendee: z.object({ name: z.string().nullable(), email: z.string().nullable() }),
  event: z.object({
    id: z.number(),
    name: z.string(),
    start_datetime: z.string(),
    end_datetime: z.string(),
    location: z.string().nullable(),
    timezone: z.string(),
  }),
  qr_code_svg: z.string(),
  qr_code_data_url: z.string(),
})

registrationsRoutes.get(
  '/:id/ticket',
  {
    summary: 'A ticket with its QR code (owner or staff)',
    auth: 'user',
    params: Params,
    responses: { 200: TicketOut, 404: 'Not found or not yours', 409: 'No ticket (cancelled, waitlisted or unpaid)' },
  },
  async ({ req, user, params }) => {
    const registration = await req.payload.findByID({
      collection: 'registrations',
      id: params.id,
      depth: 1,
      overrideAccess: false,
      req,
      disableErrors: true,
    })
    const owner = typeof registration?.user === 'object' ? registration.user : null
    if (!registration || !owner || (owner.id !== user?.id && !isStaffMember(user))) throw new NotFoundError('Registration not found.')
    if (!(TICKETED_STATUSES as readonly string[]).includes(registration.status))
      throw new ConflictError('This registration has no valid ticket.')
    const event = typeof registration.event === 'object' ? registration.event : await readAsSystem(req, 'events', registration.event)
    const view = await ticketView(registration, event, { name: owner.full_name ?? null, email: owner.email ?? null })
    return { body: view }
  },
)
