import type { CollectionConfig } from 'payload'
import { Outbox } from './Outbox/index.ts'
import { Users } from './Users/index.ts'

/** Every collection, in admin-navigation order. */
export const collections: CollectionConfig[] = [Users, Outbox]
