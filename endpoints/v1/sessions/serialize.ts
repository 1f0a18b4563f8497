import type { PayloadRequest } from 'payload'
import { extractID } from 'payload/shared'
import { personCardLookup } from '../../../src/domain/friends/personCards.ts'
import type { FriendSession } from '../../../src/payload-types.ts'
import { iso, isoOrNull } from '../../../src/lib/dates.ts'
import { decimalAmount } from '../../../src/lib/money.ts'

/** Spec 001's session, the two people as {id, name, avatar}, the price as a decimal string. */
export async function serializeSessions(req: PayloadRequest, sessions: FriendSession[]) {
  const card = await personCardLookup(
    req,
    sessions.flatMap((session) => [extractID(session.user), extractID(session.friend)]),
  )
  return sessions.map((session) => ({
    id: session.id,
    user: card(extractID(session.user)),
    friend: card(extractID(session.friend)),
    type: session.type,
    status: session.status,
    scheduled_at: iso(session.scheduled_at),
    ends_at: iso(session.ends_at),
    duration_minutes: session.duration_minutes,
    price: decimalAmount(session.price_cents, session.currency),
    currency: session.currency,
    notes: session.notes ?? null,
    payment_status: session.payment_status,
    late_cancellation: session.late_cancellation === true,
    cancelled_at: isoOrNull(session.cancelled_at),
    created_at: iso(session.createdAt),
  }))
}

export async function serializeSession(req: PayloadRequest, session: FriendSession) {
  const [view] = await serializeSessions(req, [session])
  return view
}
