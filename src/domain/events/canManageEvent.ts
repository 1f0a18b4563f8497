import type { PayloadRequest } from 'payload'
import { findAsSystem } from '../../lib/readAsSystem.ts'
import type { Event } from '../../payload-types.ts'
import { isStaffMember } from '../../access/isStaffMember.ts'
import { extractID } from 'payload/shared'

/** Staff, and the user behind the event's facilitator, run the door and see the attendee list. */
export async function canManageEvent(req: PayloadRequest, event: Event): Promise<boolean> {
  const user = req.user
  if (!user) return false
  if (isStaffMember(user)) return true
  const facilitatorId = event.facilitator ? extractID(event.facilitator) : null
  if (!facilitatorId) return false
  const facilitator = await findAsSystem(req, 'facilitators', facilitatorId)
  return facilitator?.user ? extractID(facilitator.user) === user.id : false
}
