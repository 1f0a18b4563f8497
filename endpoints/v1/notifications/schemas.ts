import { z } from 'zod'
import { NOTIFICATION_FREQUENCIES } from '../../../src/domain/notifications/statuses.ts'
import { NotificationTypeOut } from '../communications/schemas.ts'

const required = (issue: { input?: unknown }) => issue.input === undefined

/** Spec 002's messages, exactly: "This field is required.", "A valid integer is required.", "\"x\" is not a valid choice." */
export const UpdateTypeBody = z.object({
  notification_type_id: z.preprocess(
    (value) => (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value),
    z
      .number({ error: (issue) => (required(issue) ? 'This field is required.' : 'A valid integer is required.') })
      .int('A valid integer is required.'),
  ),
  frequency: z.enum(NOTIFICATION_FREQUENCIES, {
    error: (issue) => (required(issue) ? 'This field is required.' : `"${String(issue.input)}" is not a valid choice.`),
  }),
})

export const UpdateChannelsBody = z.object({
  enable_in_app: z.boolean().optional(),
  enable_email: z.boolean().optional(),
  enable_push: z.boolean().optional(),
})

export const TypePreferenceOut = z.object({
  id: z.number(),
  notification_type: NotificationTypeOut,
  frequency: z.enum(NOTIFICATION_FREQUENCIES),
  email_enabled: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
})

export const PreferencesOut = z.object({
  user_id: z.number(),
  enable_in_app: z.boolean(),
  enable_email: z.boolean(),
  enable_push: z.boolean(),
  type_preferences: z.array(TypePreferenceOut),
  created_at: z.string(),
  updated_at: z.string(),
})

export const UnsubscribeQuery = z.object({ token: z.string().min(1).max(4000) })
