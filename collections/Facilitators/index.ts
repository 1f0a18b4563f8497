import type { CollectionConfig } from 'payload'
import { grantFacilitatorRole } from '../../hooks/facilitators/grantFacilitatorRole.ts'
import { isLoggedIn } from '../../src/access/isLoggedIn.ts'
import { isOwner } from '../../src/access/isOwner.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { or } from '../../src/access/or.ts'
import { urlProblem } from '../../src/lib/validation/identity.ts'

/**
 * Facilitators' public profiles (spec 004; HumanLink's "friends"). The linked user signs in through
 * /api/v1/facilitators/login; linking grants them the facilitator role.
 */
export const Facilitators: CollectionConfig = {
  slug: 'facilitators',
  admin: { group: 'Events', useAsTitle: 'name', defaultColumns: ['name', 'user', 'specialties', 'is_active'] },
  access: { read: isLoggedIn, create: isStaff, update: or(isStaff, isOwner('user')), delete: isStaff },
  hooks: { afterChange: [grantFacilitatorRole] },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', unique: true, index: true },
    { name: 'name', type: 'text', required: true, maxLength: 255 },
    { name: 'bio', type: 'textarea', maxLength: 4000 },
    {
      name: 'photo_url',
      type: 'text',
      maxLength: 500,
      validate: (value: string | null | undefined) => (!value ? true : (urlProblem(value) ?? true)),
    },
    { name: 'specialties', type: 'text', hasMany: true, maxRows: 30 },
    { name: 'is_active', type: 'checkbox', defaultValue: true, index: true },
  ],
}
