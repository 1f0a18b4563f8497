import type { CollectionConfig, Validate } from 'payload'
import { isLoggedIn } from '../../src/access/isLoggedIn.ts'
import { isOwner } from '../../src/access/isOwner.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { nobody } from '../../src/access/nobody.ts'
import { or } from '../../src/access/or.ts'
import { urlProblem } from '../../src/lib/validation/identity.ts'

const url =
  (field?: string): Validate<string | null | undefined> =>
  (value) =>
    !value ? true : (urlProblem(value, field) ?? true)

/** One per user, created with the user (hooks/users/createProfile). Members can read profiles. */
export const Profiles: CollectionConfig = {
  slug: 'profiles',
  admin: { group: 'People', useAsTitle: 'full_name', defaultColumns: ['full_name', 'user', 'company', 'location'] },
  access: { read: isLoggedIn, create: nobody, update: or(isOwner('user'), isStaff), delete: isStaff },
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, unique: true, index: true, access: { update: nobody } },
    // The display name lives on the user; the profile shows it without a second copy.
    { name: 'full_name', type: 'text', virtual: 'user.full_name', admin: { readOnly: true } },
    { name: 'bio', type: 'textarea', maxLength: 2000 },
    { name: 'location', type: 'text', maxLength: 255 },
    { name: 'profile_image_url', type: 'text', maxLength: 500, validate: url() },
    { name: 'linkedin_url', type: 'text', maxLength: 500, validate: url('linkedin_url') },
    { name: 'github_url', type: 'text', maxLength: 500, validate: url('github_url') },
    { name: 'website', type: 'text', maxLength: 500, validate: url() },
    { name: 'company', type: 'text', maxLength: 255 },
    { name: 'interests', type: 'text', hasMany: true, maxRows: 50 },
    { name: 'skills', type: 'text', hasMany: true, maxRows: 50 },
  ],
}
