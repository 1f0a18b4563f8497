import type { Request } from 'express'
import type { Payload, TypedUser } from 'payload'
import { changeCrmStatus } from '../../../src/domain/crm/changeCrmStatus.ts'
import { assertSeesAllBookings, assertSeesFacilitator, crmCallerOf, type CrmCaller } from '../../../src/domain/crm/crmCaller.ts'
import { crmCounts } from '../../../src/domain/crm/crmHealth.ts'
import { facilitatorDashboard } from '../../../src/domain/crm/facilitatorDashboard.ts'
import { facilitatorStatistics } from '../../../src/domain/crm/facilitatorStatistics.ts'
import { getCrmBooking } from '../../../src/domain/crm/getCrmBooking.ts'
import { listCrmBookings } from '../../../src/domain/crm/listCrmBookings.ts'
import { receiveNotification } from '../../../src/domain/crm/receiveNotification.ts'
import { config } from '../../../src/lib/config.ts'
import { iso } from '../../../src/lib/dates.ts'
import { pagePagination } from '../../../src/lib/pagination.ts'
import { v1Router, type V1Router } from '../../../src/http/v1Router.ts'
import {
  BookingIdParams,
  CrmBookingDetailOut,
  CrmBookingListOut,
  CrmBookingsQuery,
  DashboardOut,
  FacilitatorBookingsOut,
  FacilitatorBookingsQuery,
  FacilitatorIdParams,
  HealthOut,
  NotifyBody,
  NotifyOut,
  SourceQuery,
  StatusBody,
  StatusOut,
} from './schemas.ts'
import { serializeCrmBooking, serializeStageChange } from './serialize.ts'

// Who the guard let in, for the handler of the same request.
const callers = new WeakMap<Request, CrmCaller>()
const guard = async ({ http, user, payload }: { http: Request; user: TypedUser | null; payload: Payload }) => {
  callers.set(http, await crmCallerOf(payload, http.headers.authorization, user))
}
const callerOf = (http: Request): CrmCaller => {
  const caller = callers.get(http)
  if (!caller) throw new Error('CRM route without its guard')
  return caller
}

const common = { auth: 'optional' as const, envelope: 'booking' as const, rateLimit: false as const, guard, tags: ['CRM'] }
const unauthorized = { 401: 'Missing or wrong bearer token', 403: 'A JWT that may not see this' }

/**
 * Spec 004's CRM service, declared once and served twice: at /api/v1/crm/... on the main port, and at
 * spec 004's own paths (/api/..., /health) on CRM_PORT. `api` is the prefix of the API paths.
 */
function declareCrmRoutes(router: V1Router, api: string, endpoints: string[]) {
  router.post(
    `${api}/notify`,
    {
      ...common,
      summary: 'Receive a booking notification (spec 004), idempotent on booking_id',
      body: NotifyBody,
      responses: { 200: NotifyOut, 400: 'Invalid body', ...unauthorized },
    },
    async ({ req, http, body }) => {
      assertSeesAllBookings(callerOf(http.req))
      const { notificationId } = await receiveNotification(req, body)
      return { body: { message: 'Booking notification received successfully', notification_id: notificationId, status: 'success' } }
    },
  )

  router.get(
    `${api}/bookings`,
    {
      ...common,
      summary: 'All CRM bookings with filters and pagination (spec 004)',
      query: CrmBookingsQuery,
      responses: { 200: CrmBookingListOut, 400: 'Invalid filter', ...unauthorized },
    },
    async ({ req, http, query }) => {
      assertSeesAllBookings(callerOf(http.req))
      const { page, per_page, ...filters } = query
      const result = await listCrmBookings(req.payload, filters, { page, perPage: per_page })
      return {
        body: {
          bookings: result.rows.map(serializeCrmBooking),
          pagination: pagePagination({ page, pageSize: per_page, total: result.total }),
          filters_applied: {
            facilitator_id: filters.facilitator_id ?? null,
            event_id: filters.event_id ?? null,
            user_id: filters.user_id ?? null,
            status: filters.status ?? null,
            crm_status: filters.crm_status ?? null,
          },
          summary: { total_notifications: result.totalAll, filtered_results: result.total },
        },
      }
    },
  )

  router.get(
    `${api}/bookings/:booking_id`,
    {
      ...common,
      summary: 'One CRM booking by booking id, with its status history',
      params: BookingIdParams,
      query: SourceQuery,
      responses: { 200: CrmBookingDetailOut, 404: 'No such booking', ...unauthorized },
    },
    async ({ req, http, params, query }) => {
      const { booking, history } = await getCrmBooking(req.payload, callerOf(http.req), params.booking_id, query.source)
      return { body: { booking: { ...serializeCrmBooking(booking), status_history: history.map(serializeStageChange) } } }
    },
  )

  router.put(
    `${api}/bookings/:booking_id/status`,
    {
      ...common,
      summary: 'Move a booking along the pipeline; back to an earlier stage needs a manager or admin JWT',
      params: BookingIdParams,
      query: SourceQuery,
      body: StatusBody,
      responses: { 200: StatusOut, 400: 'Not a CRM status', 404: 'No such booking', ...unauthorized },
    },
    async ({ req, http, params, query, body }) => {
      const move = await changeCrmStatus(
        req,
        callerOf(http.req),
        { bookingId: params.booking_id, source: query.source },
        { crmStatus: body.crm_status, notes: body.notes },
      )
      return {
        body: {
          message: 'Booking status updated successfully',
          booking_id: move.bookingId,
          old_status: move.oldStatus,
          new_status: move.newStatus,
          updated_at: iso(move.updatedAt),
        },
      }
    },
  )

  router.get(
    `${api}/facilitators/:id/bookings`,
    {
      ...common,
      summary: "A facilitator's bookings with statistics and median time in stage",
      params: FacilitatorIdParams,
      query: FacilitatorBookingsQuery,
      responses: { 200: FacilitatorBookingsOut, 400: 'Invalid filter', ...unauthorized },
    },
    async ({ req, http, params, query }) => {
      assertSeesFacilitator(callerOf(http.req), params.id)
      const { page, per_page, ...filters } = query
      const [result, statistics] = await Promise.all([
        listCrmBookings(req.payload, { ...filters, facilitator_id: params.id }, { page, perPage: per_page }),
        facilitatorStatistics(req.payload, params.id, new Date()),
      ])
      return {
        body: {
          facilitator_id: params.id,
          bookings: result.rows.map(serializeCrmBooking),
          statistics,
          pagination: pagePagination({ page, pageSize: per_page, total: result.total }),
        },
      }
    },
  )

  router.get(
    `${api}/facilitators/:id/dashboard`,
    {
      ...common,
      summary: "A facilitator's dashboard (spec 004)",
      params: FacilitatorIdParams,
      responses: { 200: DashboardOut, ...unauthorized },
    },
    async ({ req, http, params }) => {
      assertSeesFacilitator(callerOf(http.req), params.id)
      const now = new Date()
      const { statistics, popularEvents, recentBookings } = await facilitatorDashboard(req.payload, params.id, now)
      const { recent_bookings, ...summary } = statistics
      return {
        body: {
          facilitator_id: params.id,
          summary: { ...summary, recent_bookings_count: recent_bookings },
          popular_events: popularEvents,
          recent_bookings: recentBookings.map(serializeCrmBooking),
          booking_trends: { sessions_vs_retreats: { sessions: statistics.session_bookings, retreats: statistics.retreat_bookings } },
          generated_at: iso(now),
        },
      }
    },
  )

  router.get(
    '/health',
    {
      summary: 'CRM health and counts (spec 004; no authentication)',
      envelope: 'booking' as const,
      tags: ['CRM'],
      responses: { 200: HealthOut },
    },
    async ({ req, http }) => ({
      body: {
        status: 'healthy',
        service: 'CRM Notification Service',
        port: http.req.socket.localPort ?? config.PORT,
        timestamp: iso(new Date()),
        ...(await crmCounts(req.payload)),
        endpoints,
      },
    }),
  )
}

const SPEC_PATHS = [
  '/api/notify',
  '/api/bookings',
  '/api/facilitators/{id}/bookings',
  '/api/facilitators/{id}/dashboard',
  '/api/bookings/{id}',
  '/api/bookings/{id}/status',
]

/** /api/v1/crm/... on the main port. */
export const crmRoutes = v1Router('/crm')
declareCrmRoutes(crmRoutes, '', ['/api/v1/crm/health', ...SPEC_PATHS.map((path) => path.replace('/api', '/api/v1/crm'))])

/** The same API at spec 004's own paths, for the CRM_PORT listener (documented once, under /api/v1/crm). */
export const crmServiceRoutes = v1Router('', { base: '', documented: false })
declareCrmRoutes(crmServiceRoutes, '/api', ['/health', ...SPEC_PATHS])
