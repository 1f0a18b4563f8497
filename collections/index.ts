import type { CollectionConfig } from 'payload'
import { AiModels } from './AiModels/index.ts'
import { AiUsage } from './AiUsage/index.ts'
import { Integrations } from './Integrations/index.ts'
import { AnalyticsDaily } from './AnalyticsDaily/index.ts'
import { AnalyticsEvents } from './AnalyticsEvents/index.ts'
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
import { Feedback } from './Feedback/index.ts'
import { Files } from './Files/index.ts'
import { FriendProfiles } from './FriendProfiles/index.ts'
import { FriendSessions } from './FriendSessions/index.ts'
import { Items } from './Items/index.ts'
import { Matches } from './Matches/index.ts'
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
import { ProjectCategories } from './ProjectCategories/index.ts'
import { ProjectFollows } from './ProjectFollows/index.ts'
import { Projects } from './Projects/index.ts'
import { ProjectUpdates } from './ProjectUpdates/index.ts'
import { Startups } from './Startups/index.ts'
import { Investors } from './Investors/index.ts'
import { RefreshTokens } from './RefreshTokens/index.ts'
import { Shares } from './Shares/index.ts'
import { StorageUsage } from './StorageUsage/index.ts'
import { Registrations } from './Registrations/index.ts'
import { StripeEvents } from './StripeEvents/index.ts'
import { Subscriptions } from './Subscriptions/index.ts'
import { SupportTickets } from './SupportTickets/index.ts'
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
  Startups,
  Investors,
  Projects,
  ProjectCategories,
  ProjectFollows,
  ProjectUpdates,
  Matches,
  FriendProfiles,
  FriendSessions,
  Feedback,
  SupportTickets,
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
  AnalyticsEvents,
  AnalyticsDaily,
  AiModels,
  AiUsage,
  Integrations,
]
