import { deleteNotification } from '../../../src/domain/notifications/deleteNotification.ts'
import { findNotification } from '../../../src/domain/notifications/findNotification.ts'
import { getPreferences } from '../../../src/domain/notifications/getPreferences.ts'
import { listNotifications } from '../../../src/domain/notifications/listNotifications.ts'
import { markAllNotifications } from '../../../src/domain/notifications/markAllNotifications.ts'
import { markNotification } from '../../../src/domain/notifications/markNotification.ts'
import { unreadCount } from '../../../src/domain/notifications/unreadCount.ts'
import { updateEmailPreferences } from '../../../src/domain/notifications/updateEmailPreferences.ts'
import { ForbiddenError, NotFoundError } from '../../../src/lib/errors.ts'
import { linkPagination, pageCount } from '../../../src/lib/pagination.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import {
  EmailPreferencesOut,
  ListNotificationsQuery,
  NotificationListOut,
  NotificationOut,
  NotificationRefParams,
  ResolveOut,
  StatusOut,
  UnreadCountOut,
  UpdateEmailPreferencesBody,
} from './schemas.ts'
import { serializeEmailPreferences, serializeNotification } from './serialize.ts'

/** Spec 002's Notifications API (Communications): the caller's inbox and email preferences. */
export const communicationsRoutes = v1Router('/communications')

const LIST_PATH = '/api/v1/communications/notifications/'
const inbox = { auth: 'user', envelope: 'forum' } as const

communicationsRoutes.get(
  '/notifications',
  {
    ...inbox,
    summary: "The caller's notifications, newest first (filters is_read, type, priority, created_after, created_before)",
    query: ListNotificationsQuery,
    responses: { 200: NotificationListOut, 404: 'Invalid page' },
  },
  async ({ req, user, query }) => {
    const { rows, total } = await listNotifications(req, user.id, query.filters, {
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    })
    const info = { page: query.page, pageSize: query.pageSize, total }
    if (query.page > pageCount(info)) throw new NotFoundError('Invalid page.')
    const { count, next, previous } = linkPagination(info, LIST_PATH, query.echo)
    return { body: { count, next, previous, results: rows.map(serializeNotification) } }
  },
)

communicationsRoutes.post(
  '/notifications',
  { ...inbox, summary: 'Refused: notifications are created by the platform, never through the public API', responses: { 403: 'Always' } },
  async () => {
    throw new ForbiddenError('Creation of notifications via the public API is disabled.')
  },
)

communicationsRoutes.get(
  '/notifications/unread_count',
  { ...inbox, summary: "The caller's exact number of unread notifications", responses: { 200: UnreadCountOut } },
  async ({ req, user }) => {
    const { count } = await unreadCount(req, user.id)
    return { body: { unread_count: count, count } }
  },
)

communicationsRoutes.post(
  '/notifications/mark_all_as_read',
  { ...inbox, summary: 'Marks all of the caller’s notifications read', responses: { 200: StatusOut } },
  async ({ req, user }) => ({ body: { status: `marked ${await markAllNotifications(req, user.id, true)} notifications as read` } }),
)

communicationsRoutes.post(
  '/notifications/mark_all_as_unread',
  { ...inbox, summary: 'Marks all of the caller’s notifications unread', responses: { 200: StatusOut } },
  async ({ req, user }) => ({ body: { status: `marked ${await markAllNotifications(req, user.id, false)} notifications as unread` } }),
)

communicationsRoutes.get(
  '/notifications/:id',
  {
    ...inbox,
    summary: 'One of the caller’s notifications',
    params: NotificationRefParams,
    responses: { 200: NotificationOut, 404: 'Not yours' },
  },
  async ({ req, user, params }) => ({ body: serializeNotification(await findNotification(req, user.id, params.ref)) }),
)

communicationsRoutes.post(
  '/notifications/:id/mark_as_read',
  { ...inbox, summary: 'Marks one notification read', params: NotificationRefParams, responses: { 200: StatusOut, 404: 'Not yours' } },
  async ({ req, user, params }) => {
    await markNotification(req, user.id, params.ref, true)
    return { body: { status: 'notification marked as read' } }
  },
)

communicationsRoutes.post(
  '/notifications/:id/mark_as_unread',
  { ...inbox, summary: 'Marks one notification unread', params: NotificationRefParams, responses: { 200: StatusOut, 404: 'Not yours' } },
  async ({ req, user, params }) => {
    await markNotification(req, user.id, params.ref, false)
    return { body: { status: 'notification marked as unread' } }
  },
)

communicationsRoutes.get(
  '/notifications/:id/resolve',
  {
    ...inbox,
    summary: 'Only where the notification leads (its redirect)',
    params: NotificationRefParams,
    responses: { 200: ResolveOut, 404: 'Not yours' },
  },
  async ({ req, user, params }) => ({
    body: { redirect: serializeNotification(await findNotification(req, user.id, params.ref)).redirect },
  }),
)

communicationsRoutes.delete(
  '/notifications/:id',
  {
    ...inbox,
    summary: 'Deletes one of the caller’s notifications',
    params: NotificationRefParams,
    responses: { 204: 'Deleted', 404: 'Not yours' },
  },
  async ({ req, user, params }) => {
    await deleteNotification(req, user.id, params.ref)
    return { status: 204 }
  },
)

communicationsRoutes.get(
  '/email-preferences',
  { ...inbox, summary: 'Which notification types the caller gets by email', responses: { 200: EmailPreferencesOut } },
  async ({ req, user }) => ({ body: serializeEmailPreferences(await getPreferences(req, { id: user.id })) }),
)

communicationsRoutes.patch(
  '/email-preferences',
  {
    ...inbox,
    summary: 'Turns email on or off per notification type (partial: types not listed stay as they are)',
    body: UpdateEmailPreferencesBody,
    responses: { 200: EmailPreferencesOut, 400: 'Unknown type id' },
  },
  async ({ req, user, body }) => {
    const choices = body.types_enabled.map((item) => ({ typeId: item.notification_type_id, enabled: item.enabled }))
    return { body: serializeEmailPreferences(await updateEmailPreferences(req, user.id, choices)) }
  },
)
