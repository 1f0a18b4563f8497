import { listUsers } from '../../../src/domain/users/listUsers.ts'
import { PROFILE_FIELDS, updateMe, type AccountChanges, type ProfileChanges } from '../../../src/domain/users/updateMe.ts'
import { profileOf, profilesOf } from '../../../src/domain/users/profileOf.ts'
import { NotFoundError } from '../../../src/lib/errors.ts'
import { linkPagination } from '../../../src/lib/pagination.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { ListUsersQuery, MeOut, PublicUserOut, UpdateMeBody, UserIdParams } from './schemas.ts'
import { serializeMe, serializeOwnUser, serializePublicUser, withEnvelope } from './serialize.ts'
import { isStaffMember } from '../../../src/access/isStaffMember.ts'

export const usersRoutes = v1Router('/users')

usersRoutes.get(
  '/me',
  { summary: 'The caller with their profile (000, 001)', auth: 'user', envelope: 'humanlink', responses: { 200: MeOut } },
  async ({ req, user }) => ({ body: withEnvelope(await serializeMe(req, user)) }),
)

usersRoutes.patch(
  '/me',
  {
    summary: "Update the caller's account and profile (never roles or status)",
    auth: 'user',
    envelope: 'humanlink',
    body: UpdateMeBody,
    responses: { 200: MeOut, 409: 'Email, username or phone taken' },
  },
  async ({ req, user, body }) => {
    const account: Record<string, unknown> = {}
    const profile: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(body)) {
      if (value === undefined) continue
      if ((PROFILE_FIELDS as readonly string[]).includes(key)) profile[key] = value
      else if (['email', 'phone', 'username', 'first_name', 'last_name', 'full_name', 'timezone', 'personality_data'].includes(key))
        account[key] = value
    }
    const updated = await updateMe(req, user, account as AccountChanges, profile as ProfileChanges)
    return { body: withEnvelope(serializeOwnUser(updated.user, updated.profile), 'Profile updated successfully') }
  },
)

usersRoutes.get(
  '/:id',
  {
    summary: 'A user: public fields for members, everything for staff and the user',
    auth: 'user',
    envelope: 'humanlink',
    params: UserIdParams,
    responses: { 200: PublicUserOut, 404: 'No such user' },
  },
  async ({ req, user, params }) => {
    // overrideAccess: members may see another member's public fields, which collection read access (self or staff) would hide.
    const found = await req.payload.findByID({
      collection: 'users',
      id: params.id,
      depth: 0,
      overrideAccess: true,
      req,
      disableErrors: true,
    })
    if (!found || (found.is_active === false && !isStaffMember(user))) throw new NotFoundError('User not found.')
    const profile = await profileOf(req, found.id)
    const full = isStaffMember(user) || found.id === user.id
    return { body: withEnvelope(full ? serializeOwnUser(found, profile) : serializePublicUser(found, profile)) }
  },
)

usersRoutes.get(
  '/',
  {
    summary: 'All users, for staff (HumanLink list envelope)',
    auth: 'staff',
    envelope: 'humanlink',
    query: ListUsersQuery,
    responses: { 200: 'HumanLink list: {success, data: {results}, pagination}' },
  },
  async ({ req, query, http }) => {
    const result = await listUsers(req, { ...query, dateAfter: query.date_after, dateBefore: query.date_before, isActive: query.is_active })
    const profiles = await profilesOf(
      req,
      result.docs.map((doc) => doc.id),
    )
    const results = result.docs.map((doc) => serializeOwnUser(doc, profiles.get(doc.id) ?? null))
    const pagination = linkPagination(
      { page: result.page ?? 1, pageSize: query.pageSize, total: result.totalDocs },
      http.req.baseUrl + http.req.path,
      http.req.query,
    )
    return { body: { success: true, data: { results, count: result.totalDocs }, pagination: { ...pagination, results } } }
  },
)
