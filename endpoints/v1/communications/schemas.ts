import { z } from 'zod'
import { NOTIFICATION_FREQUENCIES, NOTIFICATION_PRIORITIES } from '../../../src/domain/notifications/statuses.ts'
import { pageSizeParam } from '../../../src/lib/validation/pageQuery.ts'

const instant = z.coerce.date({ error: 'Enter an ISO 8601 date or date-time.' })
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const bool = z.stringbool({ truthy: ['true', '1', 'True'], falsy: ['false', '0', 'False'] })

/** `{notification_id}` in a path: the public uuid (spec 002) or the integer id (spec 003). */
export const NotificationRefParams = z
  .object({ id: z.string().refine((id) => /^[1-9]\d{0,9}$/.test(id) || UUID.test(id), 'Enter a notification id or uuid.') })
  .transform(({ id }) => ({ ref: UUID.test(id) ? { uuid: id.toLowerCase() } : { id: Number(id) } }))

/** Spec 002's filters, and DRF page-number pagination (page, page_size | limit | per_page, at most 100). */
export const ListNotificationsQuery = z
  .object({
    is_read: bool.optional(),
    type: z.string().trim().max(64).optional(),
    priority: z.enum(NOTIFICATION_PRIORITIES).optional(),
    created_after: instant.optional(),
    created_before: instant.optional(),
    page: z.coerce.number().int().min(1).default(1),
    page_size: pageSizeParam.optional(),
    limit: pageSizeParam.optional(),
    per_page: pageSizeParam.optional(),
  })
  .transform((query) => ({
    filters: {
      isRead: query.is_read,
      typeCode: query.type,
      priority: query.priority,
      createdAfter: query.created_after,
      createdBefore: query.created_before,
    },
    page: query.page,
    pageSize: query.page_size ?? query.limit ?? query.per_page ?? 20,
    echo: {
      is_read: query.is_read,
      type: query.type,
      priority: query.priority,
      created_after: query.created_after?.toISOString(),
      created_before: query.created_before?.toISOString(),
      page_size: query.page_size ?? query.limit ?? query.per_page,
    },
  }))

export const NotificationTypeOut = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  is_active: z.boolean(),
})

export const NotificationOut = z.object({
  id: z.number(),
  notification_id: z.string(),
  notification_type: NotificationTypeOut,
  title: z.string(),
  message: z.string(),
  is_read: z.boolean(),
  priority: z.enum(NOTIFICATION_PRIORITIES),
  priority_display: z.string(),
  actor: z
    .object({ type: z.string(), user_id: z.number().nullable(), investor_id: z.number().nullable(), display_name: z.string().nullable() })
    .nullable(),
  redirect: z.record(z.string(), z.unknown()).nullable(),
  action_url: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  created_at: z.string(),
  updated_at: z.string(),
  read_at: z.string().nullable(),
  expires_at: z.string().nullable(),
})

export const NotificationListOut = z.object({
  count: z.number(),
  next: z.string().nullable(),
  previous: z.string().nullable(),
  results: z.array(NotificationOut),
})

export const StatusOut = z.object({ status: z.string() })
export const UnreadCountOut = z.object({ unread_count: z.number(), count: z.number() })
export const ResolveOut = z.object({ redirect: z.record(z.string(), z.unknown()).nullable() })

const EmailTypeOut = z.object({ id: z.number(), code: z.string(), name: z.string(), description: z.string() })
export const EmailPreferencesOut = z.object({
  user_id: z.number(),
  types_enabled: z.array(z.object({ notification_type: EmailTypeOut, enabled: z.boolean() })),
  created_at: z.string(),
  updated_at: z.string(),
})

/** PATCH email-preferences: the types to change; the others stay as they are. */
export const UpdateEmailPreferencesBody = z.object({
  types_enabled: z.array(z.object({ notification_type_id: z.number().int().positive(), enabled: z.boolean() })).max(200),
})

export const FrequencyOut = z.enum(NOTIFICATION_FREQUENCIES)
