import * as migration_20261123_130619_initial from './20261123_130619_initial.js'
import * as migration_20261123_140135_identity from './20261123_140135_identity.js'
import * as migration_20261123_142636_events from './20261123_142636_events.js'
import * as migration_20261123_145526_payments from './20261123_145526_payments.js'
import * as migration_20261203_132658_outbox_priority from './20261203_132658_outbox_priority.js'
import * as migration_20261203_133823_notifications from './20261203_133823_notifications.js'
import * as migration_20261203_141518_content from './20261203_141518_content.js'
import * as migration_20261206_220026_crm from './20261206_220026_crm.js'
import * as migration_20261206_221501_chat from './20261206_221501_chat.js'
import * as migration_20261206_221734_startups from './20261206_221734_startups.js'
import * as migration_20261206_224645_humanlink from './20261206_224645_humanlink.js'
import * as migration_20261206_225850_platform from './20261206_225850_platform.js'

export const migrations = [
  {
    up: migration_20261123_130619_initial.up,
    down: migration_20261123_130619_initial.down,
    name: '20261123_130619_initial',
  },
  {
    up: migration_20261123_140135_identity.up,
    down: migration_20261123_140135_identity.down,
    name: '20261123_140135_identity',
  },
  {
    up: migration_20261123_142636_events.up,
    down: migration_20261123_142636_events.down,
    name: '20261123_142636_events',
  },
  {
    up: migration_20261123_145526_payments.up,
    down: migration_20261123_145526_payments.down,
    name: '20261123_145526_payments',
  },
  {
    up: migration_20261203_132658_outbox_priority.up,
    down: migration_20261203_132658_outbox_priority.down,
    name: '20261203_132658_outbox_priority',
  },
  {
    up: migration_20261203_133823_notifications.up,
    down: migration_20261203_133823_notifications.down,
    name: '20261203_133823_notifications',
  },
  {
    up: migration_20261203_141518_content.up,
    down: migration_20261203_141518_content.down,
    name: '20261203_141518_content',
  },
  {
    up: migration_20261206_220026_crm.up,
    down: migration_20261206_220026_crm.down,
    name: '20261206_220026_crm',
  },
  {
    up: migration_20261206_221501_chat.up,
    down: migration_20261206_221501_chat.down,
    name: '20261206_221501_chat',
  },
  {
    up: migration_20261206_221734_startups.up,
    down: migration_20261206_221734_startups.down,
    name: '20261206_221734_startups',
  },
  {
    up: migration_20261206_224645_humanlink.up,
    down: migration_20261206_224645_humanlink.down,
    name: '20261206_224645_humanlink',
  },
  {
    up: migration_20261206_225850_platform.up,
    down: migration_20261206_225850_platform.down,
    name: '20261206_225850_platform',
  },
]
