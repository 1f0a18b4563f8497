/** What one analytics row records: an API call (written by the usage middleware) or a page view an app reports. */
export const ANALYTICS_EVENT_TYPES = ['api_call', 'page_view'] as const
export type AnalyticsEventType = (typeof ANALYTICS_EVENT_TYPES)[number]

/** Raw rows older than this are deleted by the daily rollup; the rollup rows keep the history. */
export const ANALYTICS_RETENTION_DAYS = 90
