import type { CollectionConfig } from 'payload'
import { anyone } from '../../src/access/anyone.ts'
import { isStaff } from '../../src/access/isStaff.ts'

/** Project categories (spec 002's `category`), edited by staff. */
export const ProjectCategories: CollectionConfig = {
  slug: 'project-categories',
  admin: { group: 'Marketplace', useAsTitle: 'name' },
  access: { read: anyone, create: isStaff, update: isStaff, delete: isStaff },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, maxLength: 100 },
    { name: 'description', type: 'textarea', maxLength: 2000 },
  ],
}
