import type { CollectionConfig } from 'payload'
import { AuthTokens } from './AuthTokens/index.ts'
import { Events } from './Events/index.ts'
import { EventTypes } from './EventTypes/index.ts'
import { Facilitators } from './Facilitators/index.ts'
import { Outbox } from './Outbox/index.ts'
import { Payments } from './Payments/index.ts'
import { Plans } from './Plans/index.ts'
import { Profiles } from './Profiles/index.ts'
import { RefreshTokens } from './RefreshTokens/index.ts'
import { Registrations } from './Registrations/index.ts'
import { StripeEvents } from './StripeEvents/index.ts'
import { Subscriptions } from './Subscriptions/index.ts'
import { Users } from './Users/index.ts'

/** Every collection, in admin-navigation order. */
export const collections: CollectionConfig[] = [
  Events,
  Registrations,
  EventTypes,
  Facilitators,
  Payments,
  Subscriptions,
  Plans,
  StripeEvents,
  Users,
  Profiles,
  RefreshTokens,
  AuthTokens,
  Outbox,
]
