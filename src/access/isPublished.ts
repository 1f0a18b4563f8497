import type { Access } from 'payload'

/** Rows with is_published set: what anyone may read. */
export const isPublished: Access = () => ({ is_published: { equals: true } })
