import { z } from 'zod'
import { SESSION_ORDERING } from '../../../src/domain/sessions/listSessions.ts'
import { type SESSION_OUTCOMES, SESSION_PAYMENT_STATUSES, SESSION_STATUSES, SESSION_TYPES } from '../../../src/domain/sessions/statuses.ts'
import { PersonCardOut, QueryRowId, RowId } from '../../../src/http/humanlinkSchemas.ts'
import { humanlinkListParams, toListQuery } from '../../../src/lib/validation/humanlinkQuery.ts'

const instant = z.iso.datetime({ offset: true, message: 'Enter an ISO 8601 date-time with its offset, e.g. 2030-01-15T14:00:00Z.' })
const duration = z.number().int().min(15, 'Sessions last 15 to 240 minutes.').max(240, 'Sessions last 15 to 240 minutes.')
const notes = z.string().trim().max(2000).nullable()

/** Booking: the price is never the client's (a `price` sent is ignored): it comes from the friend's rate. */
export const BookSessionBody = z
  .object({
    friend_id: RowId,
    type: z.enum(SESSION_TYPES),
    scheduled_at: instant,
    duration_minutes: duration.default(60),
    notes: notes.optional(),
    payment_method_id: z.string().trim().min(1).max(255).optional(),
  })
  .transform((body) => ({
    friendId: body.friend_id,
    type: body.type,
    scheduledAt: new Date(body.scheduled_at),
    durationMinutes: body.duration_minutes,
    notes: body.notes,
    paymentMethodId: body.payment_method_id,
  }))

/** Either a reschedule ({scheduled_at, duration_minutes, notes}) or an outcome ({status}), not both. */
export const UpdateSessionBody = z
  .object({
    scheduled_at: instant.optional(),
    duration_minutes: duration.optional(),
    notes: notes.optional(),
    status: z.enum(SESSION_STATUSES).optional(),
  })
  .superRefine((body, ctx) => {
    const rescheduling = body.scheduled_at !== undefined || body.duration_minutes !== undefined || body.notes !== undefined
    if (body.status === undefined && !rescheduling)
      ctx.addIssue({ code: 'custom', path: ['non_field_errors'], message: 'Send scheduled_at, duration_minutes, notes or status.' })
    if (body.status !== undefined && rescheduling)
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'Change the status on its own, without rescheduling.' })
    if (body.status === 'cancelled') ctx.addIssue({ code: 'custom', path: ['status'], message: 'Cancel a session with DELETE.' })
    else if (body.status === 'upcoming')
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'A session cannot be made upcoming again.' })
  })
  .transform((body) => ({
    outcome: body.status as (typeof SESSION_OUTCOMES)[number] | undefined,
    reschedule: {
      scheduledAt: body.scheduled_at === undefined ? undefined : new Date(body.scheduled_at),
      durationMinutes: body.duration_minutes,
      notes: body.notes,
    },
  }))

export const ListSessionsQuery = humanlinkListParams(Object.keys(SESSION_ORDERING))
  .extend({
    type: z.enum(SESSION_TYPES).optional(),
    status: z.enum(SESSION_STATUSES).optional(),
    friend_id: QueryRowId.optional(),
    user_id: QueryRowId.optional(),
  })
  .transform(({ friend_id, user_id, ...rest }) => ({ ...toListQuery(rest), friendId: friend_id, userId: user_id }))

export const SessionOut = z.object({
  id: z.number(),
  user: PersonCardOut,
  friend: PersonCardOut,
  type: z.enum(SESSION_TYPES),
  status: z.enum(SESSION_STATUSES),
  scheduled_at: z.string(),
  ends_at: z.string(),
  duration_minutes: z.number(),
  price: z.string(),
  currency: z.string(),
  notes: z.string().nullable(),
  payment_status: z.enum(SESSION_PAYMENT_STATUSES),
  late_cancellation: z.boolean(),
  cancelled_at: z.string().nullable(),
  created_at: z.string(),
})

export const BookedSessionOut = SessionOut.extend({ client_secret: z.string().nullable() })
