import type { PayloadRequest } from 'payload'
import { stringify } from 'csv-stringify/sync'
import type { User } from '../../payload-types.ts'
import { iso, isoOrNull } from '../../lib/dates.ts'
import { ATTENDING_STATUSES, type AttendeeFilter } from './statuses.ts'

export type { AttendeeFilter } from './statuses.ts'

/** An event's registrations with their people, oldest first (caller's rights already checked). */
export async function attendeesOf(req: PayloadRequest, eventId: number, filter: AttendeeFilter) {
  const statuses = filter === 'all' ? undefined : filter === 'active' ? [...ATTENDING_STATUSES] : [filter]
  const { docs } = await req.payload.find({
    collection: 'registrations',
    where: { and: [{ event: { equals: eventId } }, ...(statuses ? [{ status: { in: statuses } }] : [])] },
    sort: 'id',
    pagination: false,
    depth: 1,
    // overrideAccess: staff and the event's facilitator were checked by canManageEvent; they see attendees' contacts.
    overrideAccess: true,
    req,
  })
  return docs.map((registration) => {
    const user = registration.user as User
    return {
      registration_id: registration.id,
      ticket_code: registration.ticket_code ?? null,
      status: registration.status,
      payment_status: registration.payment_status,
      booking_date: iso(registration.booking_date),
      checked_in_at: isoOrNull(registration.checked_in_at),
      notes: registration.notes ?? null,
      user: { id: user.id, email: user.email ?? null, full_name: user.full_name ?? null, phone: user.phone ?? null },
    }
  })
}

/** Cells that a spreadsheet would run as a formula (=, +, -, @) are prefixed with a quote (OWASP CSV injection). */
export function safeCell(value: string | number | null): string {
  const text = value === null ? '' : String(value)
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

/** The attendee list as CSV (RFC 4180, header row), for spreadsheets and door lists. */
export function attendeesCsv(attendees: Awaited<ReturnType<typeof attendeesOf>>): string {
  return stringify(
    attendees.map((row) =>
      [
        row.registration_id,
        row.ticket_code,
        row.status,
        row.user.full_name,
        row.user.email,
        row.user.phone,
        row.booking_date,
        row.checked_in_at,
        row.payment_status,
        row.notes,
      ].map(safeCell),
    ),
    {
      header: true,
      columns: [
        'registration_id',
        'ticket_code',
        'status',
        'name',
        'email',
        'phone',
        'booked_at',
        'checked_in_at',
        'payment_status',
        'notes',
      ],
    },
  )
}
