import { getFriend } from '../../../src/domain/friends/friendForBooking.ts'
import { listFriends } from '../../../src/domain/friends/friendDirectory.ts'
import { myFriendProfile, updateMyFriendProfile } from '../../../src/domain/friends/updateMyFriendProfile.ts'
import { humanlinkListOut, humanlinkOut, IdParams } from '../../../src/http/humanlinkSchemas.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { humanlinkBody, humanlinkList } from '../../../src/lib/humanlink.ts'
import { FriendOut, ListFriendsQuery, UpdateFriendBody } from './schemas.ts'
import { serializeFriend } from './serialize.ts'

export const friendsRoutes = v1Router('/friends')

const forbidden = 'Not a friend (the facilitator role)'

friendsRoutes.get(
  '/me',
  {
    summary: "The caller's friend profile",
    auth: 'user',
    envelope: 'humanlink',
    responses: { 200: humanlinkOut(FriendOut), 403: forbidden },
  },
  async ({ req, user }) => ({ body: humanlinkBody(serializeFriend(await myFriendProfile(req, user))) }),
)

friendsRoutes.patch(
  '/me',
  {
    summary: 'Publish bio, hourly rate, currency, timezone and weekly availability (friends)',
    auth: 'user',
    envelope: 'humanlink',
    body: UpdateFriendBody,
    responses: { 200: humanlinkOut(FriendOut), 400: 'Invalid field', 403: forbidden },
  },
  async ({ req, user, body }) => ({
    body: humanlinkBody(serializeFriend(await updateMyFriendProfile(req, user, body)), 'Friend profile updated successfully'),
  }),
)

friendsRoutes.get(
  '/',
  {
    summary: 'Friends with their availability, rate and average rating',
    auth: 'user',
    envelope: 'humanlink',
    query: ListFriendsQuery,
    responses: { 200: humanlinkListOut(FriendOut) },
  },
  async ({ req, query, http }) => {
    const { friends, total } = await listFriends(req, query)
    return { body: humanlinkList(friends.map(serializeFriend), { page: query.page, pageSize: query.pageSize, total }, http.req) }
  },
)

friendsRoutes.get(
  '/:id',
  {
    summary: 'A friend',
    auth: 'user',
    envelope: 'humanlink',
    params: IdParams,
    responses: { 200: humanlinkOut(FriendOut), 404: 'No such active friend' },
  },
  async ({ req, params }) => ({ body: humanlinkBody(serializeFriend(await getFriend(req, params.id))) }),
)
