import { findNotification } from '../../../src/domain/notifications/findNotification.ts'
import { listNotifications } from '../../../src/domain/notifications/listNotifications.ts'
import { markAllNotifications } from '../../../src/domain/notifications/markAllNotifications.ts'
import { markNotification } from '../../../src/domain/notifications/markNotification.ts'
import { sendNotification } from '../../../src/domain/notifications/sendNotification.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { HistoryItemOut, HistoryQuery, MarkAllOut, NotificationIdParams, NotSentOut, SendBody, SendQuery } from './schemas.ts'
import { serializeHistoryItem } from './serialize.ts'

/** Spec 003's notify API, on the same inbox as spec 002's communications API. */
export const notifyRoutes = v1Router('/notify')

notifyRoutes.post(
  '/send',
  {
    summary: 'Notify yourself, or (admins, `user_id`) another user',
    auth: 'user',
    query: SendQuery,
    body: SendBody,
    responses: { 201: HistoryItemOut, 200: NotSentOut, 403: 'user_id given by a non-admin', 404: 'No such user' },
  },
  async ({ req, user, query, body }) => {
    const { notification_type, ...content } = body
    const stored = await sendNotification(req, user, { userId: query.user_id, typeCode: notification_type, content })
    if (!stored) return { body: { sent: false, detail: 'Not sent: the recipient has turned this notification type off.' } }
    return { status: 201, body: serializeHistoryItem(stored) }
  },
)

notifyRoutes.get(
  '/history',
  { summary: "The caller's notifications, newest first", auth: 'user', query: HistoryQuery, responses: { 200: HistoryItemOut.array() } },
  async ({ req, user, query }) => {
    const filters = query.unread_only ? { isRead: false } : {}
    const { rows } = await listNotifications(req, user.id, filters, { offset: query.skip, limit: query.limit })
    return { body: rows.map(serializeHistoryItem) }
  },
)

notifyRoutes.post(
  '/mark-all-read',
  { summary: "Marks all of the caller's notifications read", auth: 'user', responses: { 200: MarkAllOut } },
  async ({ req, user }) => {
    const marked = await markAllNotifications(req, user.id, true)
    return { body: { marked, status: `marked ${marked} notifications as read` } }
  },
)

notifyRoutes.post(
  '/:notification_id/read',
  {
    summary: 'Marks one notification read',
    auth: 'user',
    params: NotificationIdParams,
    responses: { 200: HistoryItemOut, 404: 'Not yours' },
  },
  async ({ req, user, params }) => {
    const id = await markNotification(req, user.id, { id: params.notification_id }, true)
    return { body: serializeHistoryItem(await findNotification(req, user.id, { id })) }
  },
)
