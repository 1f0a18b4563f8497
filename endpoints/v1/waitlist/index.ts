import { joinProductWaitlist } from '../../../src/domain/waitlist/joinWaitlist.ts'
import { waitlistStatus } from '../../../src/domain/waitlist/waitlistStatus.ts'
import { clientMetaOf } from '../../../src/http/clientMeta.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { JoinWaitlistBody, JoinWaitlistOut, WaitlistStatusOut, WaitlistStatusQuery } from './schemas.ts'

/** Spec 000's product waitlist (no sign-in; rate limited per IP). */
export const waitlistRoutes = v1Router('/waitlist')

waitlistRoutes.post(
  '/',
  {
    summary: 'Join the product waitlist (again: your existing position, 200)',
    body: JoinWaitlistBody,
    responses: { 201: JoinWaitlistOut, 200: JoinWaitlistOut, 429: 'Too many sign-ups from this address' },
  },
  async ({ req, body, http }) => {
    const { position, created } = await joinProductWaitlist(req, {
      email: body.email,
      source: body.source ?? null,
      ip: clientMetaOf(http.req).ip,
    })
    return created
      ? {
          status: 201,
          body: { message: 'Successfully joined the waitlist! Check your email for confirmation.', waitlist_position: position },
        }
      : { status: 200, body: { message: 'You are already on the waitlist.', waitlist_position: position } }
  },
)

waitlistRoutes.get(
  '/status',
  {
    summary: 'Where an email stands: its position and whether the confirmation was sent',
    query: WaitlistStatusQuery,
    responses: { 200: WaitlistStatusOut, 404: 'Not on the waitlist', 429: 'Too many look-ups from this address' },
  },
  async ({ req, query, http }) => ({ body: await waitlistStatus(req, query.email, clientMetaOf(http.req).ip) }),
)
