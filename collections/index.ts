import type { CollectionConfig } from 'payload'
import { AiModels } from './AiModels/index.ts'
import { AiUsage } from './AiUsage/index.ts'
import { Integrations } from './Integrations/index.ts'
import { AnalyticsDaily } from './AnalyticsDaily/index.ts'
import { AnalyticsEvents } from './AnalyticsEvents/index.ts'
import { AuthTokens } from './AuthTokens/index.ts'
import { Events } from './Events/index.ts'
import { EventTypes } from './EventTypes/index.ts'
import { Facilitators } from './Facilitators/index.ts'
import { Files } from './Files/index.ts'
import { Items } from './Items/index.ts'
import { Media } from './Media/index.ts'
import { MediaTranscodes } from './MediaTranscodes/index.ts'
import { NotificationDigests } from './NotificationDigests/index.ts'
import { NotificationPreferences } from './NotificationPreferences/index.ts'
import { Notifications } from './Notifications/index.ts'
import { NotificationTypePreferences } from './NotificationTypePreferences/index.ts'
import { NotificationTypes } from './NotificationTypes/index.ts'
import { Outbox } from './Outbox/index.ts'
import { Payments } from './Payments/index.ts'
import { Plans } from './Plans/index.ts'
import { Profiles } from './Profiles/index.ts'
import { RefreshTokens } from './RefreshTokens/index.ts'
import { Shares } from './Shares/index.ts'
import { StorageUsage } from './StorageUsage/index.ts'
import { Registrations } from './Registrations/index.ts'
import { StripeEvents } from './StripeEvents/index.ts'
import { Subscriptions } from './Subscriptions/index.ts'
import { Users } from './Users/index.ts'
import { WaitlistEntries } from './WaitlistEntries/index.ts'

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
  WaitlistEntries,
  Items,
  Media,
  MediaTranscodes,
  Files,
  Shares,
  StorageUsage,
  Notifications,
  NotificationTypes,
  NotificationPreferences,
  NotificationTypePreferences,
  NotificationDigests,
  RefreshTokens,
  AuthTokens,
  Outbox,
  AnalyticsEvents,
  AnalyticsDaily,
  AiModels,
  AiUsage,
  Integrations,
]
