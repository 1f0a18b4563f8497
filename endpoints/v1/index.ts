import { Router } from 'express'
import { NotFoundError } from '../../src/lib/errors.ts'
import type { V1Router } from '../../src/http/v1Router.ts'
import { adminRoutes } from './admin/index.ts'
import { humanlinkAdminRoutes } from './admin/humanlink.ts'
import { aiRoutes } from './ai/index.ts'
import { analyticsRoutes } from './analytics/index.ts'
import { authRoutes } from './auth/index.ts'
import { billingRoutes } from './billing/index.ts'
import { chatRoutes } from './chat/index.ts'
import { bookingsRoutes } from './bookings/index.ts'
import { collabRoutes } from './collab/index.ts'
import { crmRoutes } from './crm/index.ts'
import { communicationsRoutes } from './communications/index.ts'
import { eventsRoutes } from './events/index.ts'
import { feedbackRoutes } from './feedback/index.ts'
import { facilitatorsRoutes } from './facilitators/index.ts'
import { filesRoutes } from './files/index.ts'
import { friendsRoutes } from './friends/index.ts'
import { integrationsRoutes } from './integrations/index.ts'
import { itemsRoutes } from './items/index.ts'
import { matchesRoutes } from './matches/index.ts'
import { mediaRoutes } from './media/index.ts'
import { notificationsRoutes, startupPreferencesRoutes } from './notifications/index.ts'
import { notifyRoutes } from './notify/index.ts'
import { paymentsRoutes } from './payments/index.ts'
import { recommendationsRoutes } from './recommendations/index.ts'
import { registrationsRoutes } from './registrations/index.ts'
import { searchRoutes } from './search/index.ts'
import { bindCompanyRoutes, investorFollowsRoutes, profilesRoutes, projectsRoutes } from './startups/index.ts'
import { sessionsRoutes } from './sessions/index.ts'
import { supportRoutes } from './support/index.ts'
import { systemRoutes } from './system/index.ts'
import { usersRoutes } from './users/index.ts'
import { waitlistRoutes } from './waitlist/index.ts'

/** Every /api/v1 route group. A group missing here is neither served nor documented. */
export const v1Groups: V1Router[] = [
  authRoutes,
  usersRoutes,
  eventsRoutes,
  bookingsRoutes,
  crmRoutes,
  registrationsRoutes,
  facilitatorsRoutes,
  paymentsRoutes,
  billingRoutes,
  communicationsRoutes,
  notificationsRoutes,
  startupPreferencesRoutes,
  bindCompanyRoutes,
  profilesRoutes,
  projectsRoutes,
  investorFollowsRoutes,
  notifyRoutes,
  waitlistRoutes,
  itemsRoutes,
  mediaRoutes,
  filesRoutes,
  collabRoutes,
  chatRoutes,
  searchRoutes,
  recommendationsRoutes,
  matchesRoutes,
  friendsRoutes,
  sessionsRoutes,
  feedbackRoutes,
  supportRoutes,
  adminRoutes,
  humanlinkAdminRoutes,
  analyticsRoutes,
  aiRoutes,
  integrationsRoutes,
  systemRoutes,
]

export function v1Api(): Router {
  const api = Router({ strict: false })
  for (const group of v1Groups) api.use(group.prefix || '/', group.router)
  api.use(() => {
    throw new NotFoundError('Not found')
  })
  return api
}
