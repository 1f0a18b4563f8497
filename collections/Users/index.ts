import type { CollectionConfig, Validate } from 'payload'
import { createProfile } from '../../hooks/users/createProfile.ts'
import { normalizeIdentity } from '../../hooks/users/normalizeIdentity.ts'
import { forgetPassword, storePassword, takePassword } from '../../hooks/users/password.ts'
import { resetVerificationOnEmailChange } from '../../hooks/users/resetVerificationOnEmailChange.ts'
import { canGrantRoles } from '../../src/access/canGrantRoles.ts'
import { canManageUsers } from '../../src/access/canManageUsers.ts'
import { canUseAdmin } from '../../src/access/canUseAdmin.ts'
import { isAdmin } from '../../src/access/isAdmin.ts'
import { isSelfOrStaff } from '../../src/access/isSelfOrStaff.ts'
import { isSelfOrStaffField } from '../../src/access/isSelfOrStaffField.ts'
import { isStaff } from '../../src/access/isStaff.ts'
import { isStaffField } from '../../src/access/isStaffField.ts'
import { nobody } from '../../src/access/nobody.ts'
import { ROLES } from '../../src/access/roles.ts'
import { adminSessionStrategy } from '../../src/http/adminSessionStrategy.ts'
import { platformTokenStrategy } from '../../src/http/platformTokenStrategy.ts'
import { config } from '../../src/lib/config.ts'
import { E164_PATTERN, isValidTimezone } from '../../src/lib/validation/identity.ts'
import { userEndpoints } from '../../endpoints/payload/users/index.ts'

const phone: Validate<string | null | undefined> = (value, { siblingData }) => {
  const email = (siblingData as { email?: string | null }).email
  if (!value && !email) return 'Provide an email address or a phone number.'
  if (value && !E164_PATTERN.test(value)) return 'Enter a phone number in international format, e.g. +14155550123.'
  return true
}

const timezone: Validate<string | null | undefined> = (value) =>
  !value || isValidTimezone(value) ? true : 'Enter an IANA time zone, e.g. Europe/Paris.'

export const Users: CollectionConfig = {
  slug: 'users',
  admin: {
    group: 'People',
    useAsTitle: 'email',
    defaultColumns: ['email', 'username', 'full_name', 'roles', 'is_active', 'createdAt'],
    listSearchableFields: ['email', 'username', 'full_name', 'phone'],
  },
  auth: {
    tokenExpiration: 2 * 60 * 60,
    // Brute force is throttled per account+IP by our rate limiter; Payload's lock-out would let anyone lock out anyone.
    maxLoginAttempts: 0,
    loginWithUsername: { allowEmailLogin: true, requireEmail: false, requireUsername: false },
    // Payload's local strategy would hash every new password with PBKDF2 (600k rounds). It is off; its fields
    // stay, and passwords, sign-in, sessions and resets are src/domain/auth's (argon2id), behind our strategies
    // and endpoints (endpoints/payload/users/) in place of Payload's.
    disableLocalStrategy: { enableFields: true },
    strategies: [platformTokenStrategy, adminSessionStrategy],
    cookies: { sameSite: 'Lax', secure: config.isProduction },
  },
  endpoints: userEndpoints,
  access: { admin: canUseAdmin, read: isSelfOrStaff, create: isStaff, update: canManageUsers, delete: isAdmin },
  hooks: {
    beforeOperation: [takePassword],
    beforeValidate: [normalizeIdentity],
    afterChange: [createProfile, storePassword],
    afterOperation: [forgetPassword],
  },
  fields: [
    {
      // Never stored or read back: hooks/users/password.ts takes it out of the data and stores its argon2id hash.
      name: 'password',
      type: 'text',
      virtual: true,
      admin: {
        components: { Field: '/src/app/(payload)/components/NewPasswordField.tsx#NewPasswordField' },
        description: 'A new password for this account (leave empty to keep the current one).',
      },
    },
    { name: 'phone', type: 'text', unique: true, index: true, validate: phone },
    { name: 'first_name', type: 'text', maxLength: 150 },
    { name: 'last_name', type: 'text', maxLength: 150 },
    { name: 'full_name', type: 'text', maxLength: 255 },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      options: [...ROLES],
      defaultValue: ['user'],
      required: true,
      saveToJWT: true,
      index: true,
      // Admins grant any role, managers only non-staff roles; a user reads their own roles, never others'.
      access: { create: canGrantRoles, update: canGrantRoles, read: isSelfOrStaffField },
    },
    {
      name: 'is_active',
      type: 'checkbox',
      defaultValue: true,
      index: true,
      access: { create: isStaffField, update: isStaffField, read: isSelfOrStaffField },
    },
    {
      name: 'is_verified',
      type: 'checkbox',
      defaultValue: false,
      access: { create: isStaffField, update: isStaffField, read: isSelfOrStaffField },
      hooks: { beforeChange: [resetVerificationOnEmailChange] },
    },
    { name: 'personality_data', type: 'json' },
    { name: 'timezone', type: 'text', defaultValue: 'UTC', validate: timezone },
    { name: 'last_login_at', type: 'date', admin: { readOnly: true }, access: { create: nobody, update: nobody } },
    {
      name: 'rate_limit_tier',
      type: 'select',
      options: ['standard', 'premium'],
      defaultValue: 'standard',
      admin: { readOnly: true, description: 'Maintained from the subscription status.' },
      access: { create: nobody, update: nobody, read: isSelfOrStaffField },
    },
    {
      name: 'stripe_customer_id',
      type: 'text',
      unique: true,
      admin: { readOnly: true },
      access: { read: isStaffField, create: nobody, update: nobody },
    },
    {
      name: 'oauth_google_id',
      type: 'text',
      unique: true,
      admin: { readOnly: true },
      access: { read: isStaffField, create: nobody, update: nobody },
    },
    {
      name: 'oauth_github_id',
      type: 'text',
      unique: true,
      admin: { readOnly: true },
      access: { read: isStaffField, create: nobody, update: nobody },
    },
  ],
}
