import type { CollectionConfig } from 'payload'
import { AuthTokens } from './AuthTokens/index.ts'
import { Outbox } from './Outbox/index.ts'
import { Profiles } from './Profiles/index.ts'
import { RefreshTokens } from './RefreshTokens/index.ts'
import { Users } from './Users/index.ts'

/** Every collection, in admin-navigation order. */
export const collections: CollectionConfig[] = [Users, Profiles, RefreshTokens, AuthTokens, Outbox]
