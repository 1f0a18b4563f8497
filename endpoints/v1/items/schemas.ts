import { z } from 'zod'
import { ITEM_STATUSES } from '../../../src/domain/items/statuses.ts'

/** spec 003's skip/limit, shared by every content list. */
export const skipParam = z.coerce.number().int().min(0).max(1_000_000).default(0)
export const limitParam = (byDefault: number) => z.coerce.number().int().min(1).max(1000).default(byDefault)

const jsonObject = z.record(z.string(), z.unknown())
const itemType = z.string().trim().min(1).max(64)

export const ItemIdParams = z.object({ item_id: z.coerce.number().int().positive() })

export const ListItemsQuery = z.object({
  item_type: itemType.optional(),
  status: z.enum(ITEM_STATUSES).optional(),
  skip: skipParam,
  limit: limitParam(100),
})

export const CreateItemBody = z.object({
  title: z.string().trim().min(1).max(255),
  description: z.string().max(5000).nullish(),
  content: jsonObject.default({}),
  item_type: itemType.default('post'),
  status: z.enum(ITEM_STATUSES).default('draft'),
  metadata: jsonObject.default({}),
})

export const UpdateItemBody = z
  .object({
    title: z.string().trim().min(1).max(255),
    description: z.string().max(5000).nullable(),
    content: jsonObject,
    item_type: itemType,
    status: z.enum(ITEM_STATUSES),
    metadata: jsonObject,
  })
  .partial()

export const ItemOut = z.object({
  id: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  content: z.unknown(),
  item_type: z.string(),
  status: z.enum(ITEM_STATUSES),
  user_id: z.number(),
  metadata: z.unknown(),
  created_at: z.string(),
  updated_at: z.string(),
  published_at: z.string().nullable(),
})
