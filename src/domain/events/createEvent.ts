import type { PayloadRequest } from 'payload'
import type { Event, User } from '../../payload-types.ts'
import { hasRole } from '../../access/hasRole.ts'
import { ForbiddenError, RequestValidationError } from '../../lib/errors.ts'
import { eventTypeByKey } from './eventTypes.ts'
import { plainTextToLexical } from './lexicalText.ts'
import { isStaffMember } from '../../access/isStaffMember.ts'
import { extractID } from 'payload/shared'

export type NewEvent = {
  name: string
  description?: string
  event_type: string
  facilitator_id?: number
  start_datetime: Date
  end_datetime: Date
  timezone?: string
  location_name?: string
  location_city?: string
  location_country?: string
  location?: string
  virtual_link?: string
  max_attendees: number
  price_cents: number
  currency: string
  requirements?: string
  image_url?: string
  is_published?: boolean
}

/**
 * Creates an event as the caller: members' events wait unpublished for staff approval (field access
 * drops is_published for them); facilitators run their own events; staff assign any facilitator.
 */
export async function createEvent(req: PayloadRequest, user: User, input: NewEvent): Promise<Event> {
  const type = await eventTypeByKey(req.payload, input.event_type)
  if (!type || type.is_active === false) throw new RequestValidationError({ event_type: [`Unknown event type "${input.event_type}".`] })
  const { description, facilitator_id, event_type: _key, ...fields } = input
  return req.payload.create({
    collection: 'events',
    overrideAccess: false,
    req,
    depth: 0,
    data: {
      ...fields,
      start_datetime: input.start_datetime.toISOString(),
      end_datetime: input.end_datetime.toISOString(),
      description: description ? plainTextToLexical(description) : undefined,
      event_type: type.id,
      facilitator: await facilitatorFor(req, user, facilitator_id),
      is_published: input.is_published ?? true,
      status: 'active',
    },
  })
}

async function facilitatorFor(req: PayloadRequest, user: User, requested: number | undefined): Promise<number | undefined> {
  // Members propose events without a facilitator; only facilitators default to their own profile.
  if (!requested && !hasRole(user, 'facilitator')) return undefined
  const staff = isStaffMember(user)
  const { docs } = await req.payload.find({
    collection: 'facilitators',
    where: requested ? { id: { equals: requested } } : { user: { equals: user.id } },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const facilitator = docs[0]
  if (!requested) return facilitator?.id
  if (!facilitator || facilitator.is_active === false) throw new RequestValidationError({ facilitator_id: ['Unknown facilitator.'] })
  const own = (facilitator.user ? extractID(facilitator.user) : null) === user.id
  if (!staff && !own) throw new ForbiddenError('Only staff assign events to other facilitators.')
  return facilitator.id
}
