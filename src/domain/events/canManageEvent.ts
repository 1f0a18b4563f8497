import type { PayloadRequest } from 'payload'
import type { Event } from '../../payload-types.ts'
import { isStaffMember } from '../../access/isStaffMember.ts'

/** Staff, and the user behind the event's facilitator, run the door and see the attendee list. */
export async function canManageEvent(req: PayloadRequest, event: Event): Promise<boolean> {
  const user = req.user
  if (!user) return false
  if (isStaffMember(user)) return true
  const facilitatorId = typeof event.facilitator === 'object' ? event.facilitator?.id : event.facilitator
  if (!facilitatorId) return false
  const facilitator = await req.payload.findByID({
    collection: 'facilitators',
    id: facilitatorId,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  const facilitatorUser = typeof facilitator?.user === 'object' ? facilitator.user?.id : facilitator?.user
  return facilitatorUser === user.id
}
