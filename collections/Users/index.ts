import type { CollectionConfig } from 'payload'
import { canUseAdmin } from '../../src/access/canUseAdmin.ts'
import { isAdminField } from '../../src/access/isAdminField.ts'
import { isSelfOrStaff } from '../../src/access/isSelfOrStaff.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { ROLES } from '../../src/access/roles.ts'

export const Users: CollectionConfig = {
  slug: 'users',
  admin: { group: 'People', useAsTitle: 'email', defaultColumns: ['email', 'roles', 'createdAt'] },
  auth: { tokenExpiration: 60 * 60 * 8, useAPIKey: false },
  access: {
    admin: canUseAdmin,
    read: isSelfOrStaff,
    create: isStaff,
    update: isSelfOrStaff,
    delete: isStaff,
  },
  fields: [
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      options: [...ROLES],
      defaultValue: ['user'],
      required: true,
      saveToJWT: true,
      index: true,
      // Only admins grant or read roles; everyone else gets the default and cannot change it.
      access: { create: isAdminField, update: isAdminField },
    },
    { name: 'first_name', type: 'text' },
    { name: 'last_name', type: 'text' },
  ],
}
