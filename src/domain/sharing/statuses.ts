/** What can be shared (spec 003's resource_type) and with which right. */
export const SHARE_RESOURCE_TYPES = ['item', 'media', 'file'] as const
export type ShareResourceType = (typeof SHARE_RESOURCE_TYPES)[number]
export const SHARE_PERMISSIONS = ['view', 'edit'] as const
export type SharePermission = (typeof SHARE_PERMISSIONS)[number]
