import { z } from 'zod'
import { SHARE_PERMISSIONS, SHARE_RESOURCE_TYPES } from '../../../src/domain/sharing/statuses.ts'
import { limitParam, skipParam } from '../items/schemas.ts'

export const ShareBody = z.object({
  resource_type: z.enum(SHARE_RESOURCE_TYPES),
  resource_id: z.number().int().positive(),
  shared_with_user_id: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((value) => value ?? null),
  permission: z.enum(SHARE_PERMISSIONS).default('view'),
  /** Null: the link never expires. Fractions are allowed (0.5 = 12 hours). */
  expires_in_days: z.number().positive().max(3650).nullable().default(7),
})

export const ListSharesQuery = z.object({ resource_type: z.enum(SHARE_RESOURCE_TYPES).optional(), skip: skipParam, limit: limitParam(100) })
export const ShareIdParams = z.object({ share_id: z.coerce.number().int().positive() })
export const ShareTokenParams = z.object({ share_token: z.string().min(20).max(200) })

const shareFields = {
  id: z.number(),
  resource_type: z.enum(SHARE_RESOURCE_TYPES),
  resource_id: z.number(),
  permission: z.enum(SHARE_PERMISSIONS),
  shared_with_user_id: z.number().nullable(),
  expires_at: z.string().nullable(),
}

/** spec 003's share body: the token and URL are shown only here, once (only a hash is stored). */
export const ShareCreatedOut = z.object({ ...shareFields, share_token: z.string(), share_url: z.string(), created_at: z.string() })

export const ShareOut = z.object({
  ...shareFields,
  status: z.enum(['active', 'expired', 'revoked']),
  revoked_at: z.string().nullable(),
  created_at: z.string(),
})

export const SharedResourceOut = z.object({
  share: z.object({ ...shareFields }),
  resource_type: z.enum(SHARE_RESOURCE_TYPES),
  resource: z.record(z.string(), z.unknown()),
})
