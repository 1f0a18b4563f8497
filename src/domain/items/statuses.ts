/** An item's life (spec 003): drafts are private work, `published` sets published_at once, `archived` is kept but retired. */
export const ITEM_STATUSES = ['draft', 'published', 'archived'] as const
export type ItemStatus = (typeof ITEM_STATUSES)[number]
