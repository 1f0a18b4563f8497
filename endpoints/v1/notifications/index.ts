import type { Role } from '../../../src/access/roles.ts'
import { getPreferences } from '../../../src/domain/notifications/getPreferences.ts'
import { setTypeFrequency } from '../../../src/domain/notifications/setTypeFrequency.ts'
import { previewUnsubscribe, unsubscribe } from '../../../src/domain/notifications/unsubscribe.ts'
import { updatePreferences } from '../../../src/domain/notifications/updatePreferences.ts'
import type { User } from '../../../src/payload-types.ts'
import { v1Router, type RouteContext, type V1Router } from '../../../src/http/v1Router.ts'
import type { RouteSpec } from '../../../src/http/routeRegistry.ts'
import { PreferencesOut, TypePreferenceOut, UnsubscribeQuery, UpdateChannelsBody, UpdateTypeBody } from './schemas.ts'
import { invalidLinkPage, serializePreferences, serializeTypePreference, unsubscribeConfirmPage, unsubscribedPage } from './serialize.ts'

/** Every user's notification preferences, and the one-click unsubscribe links of notification emails. */
export const notificationsRoutes = v1Router('/notifications')
/** Spec 002's startup preferences: the same preferences, for holders of the Startup role. */
export const startupPreferencesRoutes = v1Router('/startups')

const caller = (user: unknown, requiredRole?: Role) => ({ ...(user as User), requiredRole })

/** GET/PATCH preferences and PATCH preferences/update_type on `router`, 403 without `requiredRole`. */
function preferenceRoutes(router: V1Router, requiredRole?: Role) {
  const forbidden: Record<number, string> = requiredRole ? { 403: `Needs the ${requiredRole} role` } : {}
  const spec = { auth: 'user', envelope: 'forum', responses: forbidden } as const
  router.get(
    '/preferences',
    {
      ...spec,
      summary: 'Notification preferences (created with defaults on first read)',
      responses: { ...spec.responses, 200: PreferencesOut },
    },
    async ({ req, user }) => ({ body: serializePreferences(await getPreferences(req, caller(user, requiredRole))) }),
  )
  router.patch(
    '/preferences',
    {
      ...spec,
      summary: 'Channel switches: enable_in_app, enable_email, enable_push (partial)',
      body: UpdateChannelsBody,
      responses: { ...spec.responses, 200: PreferencesOut },
    },
    async ({ req, user, body }) => ({ body: serializePreferences(await updatePreferences(req, caller(user, requiredRole), body)) }),
  )
  router.patch(
    '/preferences/update_type',
    {
      ...spec,
      summary: 'How often one notification type arrives: immediate, daily_digest, weekly_summary or disabled',
      body: UpdateTypeBody,
      responses: {
        ...spec.responses,
        200: TypePreferenceOut,
        400: 'Missing or invalid field',
        404: 'Notification type preference not found',
      },
    },
    async ({ req, user, body }) => ({
      body: serializeTypePreference(await setTypeFrequency(req, caller(user, requiredRole), body.notification_type_id, body.frequency)),
    }),
  )
}

preferenceRoutes(notificationsRoutes)
preferenceRoutes(startupPreferencesRoutes, 'startup')

const unsubscribeSpec = {
  summary: 'Unsubscribe link',
  auth: 'public',
  query: UnsubscribeQuery,
  responses: { 200: 'HTML page', 400: 'HTML page: the link is not valid' },
} satisfies RouteSpec

const html = ({ http }: RouteContext<typeof unsubscribeSpec>, status: number, body: string) => {
  http.res.status(status).type('html').send(body)
  return { sent: true } as const
}

notificationsRoutes.get(
  '/unsubscribe',
  { ...unsubscribeSpec, summary: 'Unsubscribe link (GET): a confirmation page only; changes nothing' },
  async (context) => {
    const target = await previewUnsubscribe(context.req, context.query.token)
    return target
      ? html(context, 200, unsubscribeConfirmPage(target.typeNames, context.http.req.originalUrl))
      : html(context, 400, invalidLinkPage())
  },
)

notificationsRoutes.post(
  '/unsubscribe',
  { ...unsubscribeSpec, summary: 'One-click unsubscribe (RFC 8058 POST): turns email off for the link’s types, no sign-in' },
  async (context) => {
    const target = await unsubscribe(context.req, context.query.token)
    return target ? html(context, 200, unsubscribedPage(target.typeNames)) : html(context, 400, invalidLinkPage())
  },
)
