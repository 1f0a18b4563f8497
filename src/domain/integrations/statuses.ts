/** The ten services of spec 003. GitHub and Slack sync for real; the others connect and report status. */
export const INTEGRATION_SERVICES = [
  'google_drive',
  'tradingview',
  'dropbox',
  'onedrive',
  'github',
  'gitlab',
  'slack',
  'discord',
  'twitter',
  'linkedin',
] as const
export type IntegrationService = (typeof INTEGRATION_SERVICES)[number]

/** idle -> queued -> syncing -> completed | failed (and queued again from completed or failed). */
export const SYNC_STATUSES = ['idle', 'queued', 'syncing', 'completed', 'failed'] as const
export type SyncStatus = (typeof SYNC_STATUSES)[number]
