import type { CollectionConfig } from 'payload'
import { AuthTokens } from './AuthTokens/index.ts'
import { CrmBookings } from './CrmBookings/index.ts'
import { CrmStatusChanges } from './CrmStatusChanges/index.ts'
import { ChatMessages } from './ChatMessages/index.ts'
import { ChatModerationLog } from './ChatModerationLog/index.ts'
import { ChatReadState } from './ChatReadState/index.ts'
import { ChatRooms } from './ChatRooms/index.ts'
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
  ChatRooms,
  ChatMessages,
  ChatReadState,
  ChatModerationLog,
  Notifications,
  NotificationTypes,
  NotificationPreferences,
  NotificationTypePreferences,
  NotificationDigests,
  CrmBookings,
  CrmStatusChanges,
  RefreshTokens,
  AuthTokens,
  Outbox,
]
