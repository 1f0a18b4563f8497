import { z } from 'zod'
import { listAdminFriends, listAdminUsers } from '../../../src/domain/humanlinkAdmin/adminLists.ts'
import { actOnTicket, listTickets } from '../../../src/domain/support/tickets.ts'
import { profilesOf } from '../../../src/domain/users/profileOf.ts'
import { humanlinkListOut, humanlinkOut, IdParams } from '../../../src/http/humanlinkSchemas.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { foundPage, humanlinkBody, humanlinkList } from '../../../src/lib/humanlink.ts'
import { decimalAmount } from '../../../src/lib/money.ts'
import { serializeFriend } from '../friends/serialize.ts'
import { ActOnTicketBody, StaffTicketsQuery, TicketOut } from '../support/schemas.ts'
import { serializeTicket, serializeTickets } from '../support/serialize.ts'
import { serializeOwnUser } from '../users/serialize.ts'
import { AdminFriendOut, AdminFriendsQuery, AdminUsersQuery } from './humanlinkSchemas.ts'

/** Spec 001's admin tools: users and friends (admins), the support tickets dashboard (managers and admins). */
export const humanlinkAdminRoutes = v1Router('/admin')

const adminsOnly = 'Managers: only admins use this tool'

humanlinkAdminRoutes.get(
  '/users',
  {
    summary: 'Every account (admins); filters role, status (active | inactive), search by name or email',
    auth: 'staff',
    envelope: 'humanlink',
    query: AdminUsersQuery,
    responses: { 200: humanlinkListOut(z.record(z.string(), z.unknown())), 403: adminsOnly },
  },
  async ({ req, user, query, http }) => {
    const result = await listAdminUsers(req, user, query)
    const profiles = await profilesOf(
      req,
      result.docs.map((doc) => doc.id),
    )
    const results = result.docs.map((doc) => serializeOwnUser(doc, profiles.get(doc.id) ?? null))
    return { body: humanlinkList(results, foundPage(result, query), http.req) }
  },
)

humanlinkAdminRoutes.get(
  '/friends',
  {
    summary: 'Friends with average rating, sessions count and earnings (admins)',
    auth: 'staff',
    envelope: 'humanlink',
    query: AdminFriendsQuery,
    responses: { 200: humanlinkListOut(AdminFriendOut), 403: adminsOnly },
  },
  async ({ req, user, query, http }) => {
    const { friends, total } = await listAdminFriends(req, user, query)
    const results = friends.map(({ friend, totals }) => ({
      ...serializeFriend(friend),
      sessions_count: totals.sessions_count,
      completed_sessions_count: totals.completed_count,
      earnings: decimalAmount(totals.earnings_cents, friend.currency),
    }))
    return { body: humanlinkList(results, { page: query.page, pageSize: query.pageSize, total }, http.req) }
  },
)

humanlinkAdminRoutes.get(
  '/tickets',
  {
    summary: 'Support tickets dashboard (managers, admins); filters status, assigned_to',
    auth: 'staff',
    envelope: 'humanlink',
    query: StaffTicketsQuery,
    responses: { 200: humanlinkListOut(TicketOut), 403: 'Not staff' },
  },
  async ({ req, user, query, http }) => {
    const result = await listTickets(req, user, query)
    return { body: humanlinkList(await serializeTickets(req, result.docs), foundPage(result, query), http.req) }
  },
)

humanlinkAdminRoutes.patch(
  '/tickets/:id',
  {
    summary: 'Move a ticket {status}, assign it {assigned_to} and/or {reply} (managers, admins); the opener is notified',
    auth: 'staff',
    envelope: 'humanlink',
    params: IdParams,
    body: ActOnTicketBody,
    responses: { 200: humanlinkOut(TicketOut), 400: 'Invalid field or assignee', 403: 'Not staff', 404: 'No such ticket' },
  },
  async ({ req, params, body }) => ({
    body: humanlinkBody(await serializeTicket(req, await actOnTicket(req, params.id, body)), 'Ticket updated'),
  }),
)
