import { z } from 'zod'
import { USER_ORDERING } from '../../../src/domain/users/listUsers.ts'
import { ROLES } from '../../../src/access/roles.ts'
import { E164_PATTERN, USERNAME_PATTERN, normalizePhone, normalizeUsername, urlProblem } from '../../../src/lib/validation/identity.ts'
import { AccountOut, Timezone } from '../auth/schemas.ts'

const urlField = (field: string) =>
  z
    .string()
    .trim()
    .max(500)
    .refine((value) => value === '' || !urlProblem(value, field), {
      message:
        field === 'linkedin_url' ? 'Enter a linkedin.com URL.' : field === 'github_url' ? 'Enter a github.com URL.' : 'Enter a valid URL.',
    })
    .transform((value) => value || null)
const list = z.array(z.string().trim().min(1).max(100)).max(50)

/** Fields that are never the caller's to change, on any interface. */
const PROTECTED = [
  'roles',
  'role',
  'is_active',
  'is_verified',
  'is_staff',
  'password',
  'hash',
  'salt',
  'rate_limit_tier',
  'last_login_at',
] as const

/** PATCH users/me: account fields (001, 004) and profile fields (000). */
export const UpdateMeBody = z
  .object({
    email: z
      .email()
      .transform((value) => value.toLowerCase())
      .optional(),
    phone: z
      .string()
      .transform(normalizePhone)
      .refine((value) => E164_PATTERN.test(value), 'Enter a phone number in international format, e.g. +14155550123.')
      .nullable()
      .optional(),
    username: z
      .string()
      .transform(normalizeUsername)
      .refine((value) => USERNAME_PATTERN.test(value), 'Usernames are 3-50 letters, digits, dots, dashes or underscores.')
      .optional(),
    first_name: z.string().trim().max(150).optional(),
    last_name: z.string().trim().max(150).optional(),
    full_name: z.string().trim().max(255).optional(),
    timezone: Timezone.optional(),
    personality_data: z.record(z.string(), z.unknown()).optional(),
    bio: z.string().max(2000).nullable().optional(),
    location: z.string().trim().max(255).nullable().optional(),
    company: z.string().trim().max(255).nullable().optional(),
    profile_image_url: urlField('profile_image_url').nullable().optional(),
    linkedin_url: urlField('linkedin_url').nullable().optional(),
    github_url: urlField('github_url').nullable().optional(),
    website: urlField('website').nullable().optional(),
    interests: list.optional(),
    skills: list.optional(),
  })
  .passthrough()
  .superRefine((body, ctx) => {
    for (const field of PROTECTED)
      if (field in body) ctx.addIssue({ code: 'custom', path: [field], message: 'You cannot change this field.' })
  })

export const UserIdParams = z.object({ id: z.coerce.number().int().positive() })

export const ListUsersQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    page_size: z.coerce.number().int().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
    search: z.string().trim().max(200).optional(),
    ordering: z.enum(Object.keys(USER_ORDERING).flatMap((key) => [key, `-${key}`]) as [string, ...string[]]).optional(),
    date_after: z.coerce.date().optional(),
    date_before: z.coerce.date().optional(),
    role: z.enum(ROLES).optional(),
    is_active: z.stringbool().optional(),
  })
  .transform(({ page_size, limit, ...rest }) => ({ ...rest, pageSize: page_size ?? limit ?? 20 }))

export const ProfileOut = z.object({
  bio: z.string().nullable(),
  location: z.string().nullable(),
  profile_image_url: z.string().nullable(),
  linkedin_url: z.string().nullable(),
  github_url: z.string().nullable(),
  website: z.string().nullable(),
  company: z.string().nullable(),
  interests: z.array(z.string()),
  skills: z.array(z.string()),
})

export const MeOut = AccountOut.extend(ProfileOut.shape).extend({
  timezone: z.string(),
  personality_data: z.unknown(),
  last_login_at: z.string().nullable(),
  profile: ProfileOut,
})

export const PublicUserOut = z.object({
  id: z.number(),
  username: z.string().nullable(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  full_name: z.string().nullable(),
  created_at: z.string(),
  profile: ProfileOut,
})
