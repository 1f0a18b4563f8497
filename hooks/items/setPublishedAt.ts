import type { CollectionBeforeChangeHook } from 'payload'

/** published_at is the moment an item is first published; unpublishing and publishing again keeps it. */
export const setPublishedAt: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const publishedAt = originalDoc?.published_at ?? null
  data.published_at = publishedAt ?? (data.status === 'published' ? new Date().toISOString() : null)
  return data
}
