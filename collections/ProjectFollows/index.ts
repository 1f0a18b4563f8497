import type { CollectionConfig } from 'payload'
import { isOwner } from '../../src/access/isOwner.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { or } from '../../src/access/or.ts'

/**
 * Investors following projects (spec 002). At most one active follow per (investor, project): a
 * partial unique index decides, so parallel follows cannot make two. Unfollowing clears is_active;
 * following again reactivates the same row. Members follow through /api/v1; here staff inspect them.
 */
export const ProjectFollows: CollectionConfig = {
  slug: 'project-follows',
  admin: { group: 'Marketplace', defaultColumns: ['investor', 'project', 'followed_at', 'is_active'] },
  access: {
    read: or(isStaff, isOwner('investor.owners'), isOwner('project.startup.owners')),
    create: isStaff,
    update: isStaff,
    delete: isStaff,
  },
  fields: [
    { name: 'investor', type: 'relationship', relationTo: 'investors', required: true, index: true },
    { name: 'project', type: 'relationship', relationTo: 'projects', required: true, index: true },
    { name: 'followed_at', type: 'date', required: true, defaultValue: () => new Date().toISOString() },
    { name: 'is_active', type: 'checkbox', defaultValue: true, required: true },
  ],
}
