import { findTicket, listTickets, openTicket } from '../../../src/domain/support/tickets.ts'
import { humanlinkListOut, humanlinkOut, IdParams } from '../../../src/http/humanlinkSchemas.ts'
import { v1Router } from '../../../src/http/v1Router.ts'
import { foundPage, humanlinkBody, humanlinkList } from '../../../src/lib/humanlink.ts'
import { MyTicketsQuery, OpenTicketBody, TicketOut } from './schemas.ts'
import { serializeTicket, serializeTickets } from './serialize.ts'

export const supportRoutes = v1Router('/support')

supportRoutes.post(
  '/tickets',
  {
    summary: 'Open a support ticket',
    auth: 'user',
    envelope: 'humanlink',
    body: OpenTicketBody,
    responses: { 201: humanlinkOut(TicketOut), 400: 'Invalid field' },
  },
  async ({ req, user, body }) => ({
    status: 201,
    body: humanlinkBody(await serializeTicket(req, await openTicket(req, user, body)), 'Ticket opened'),
  }),
)

supportRoutes.get(
  '/tickets',
  {
    summary: "The caller's tickets, with the replies",
    auth: 'user',
    envelope: 'humanlink',
    query: MyTicketsQuery,
    responses: { 200: humanlinkListOut(TicketOut) },
  },
  async ({ req, user, query, http }) => {
    const result = await listTickets(req, user, query)
    return { body: humanlinkList(await serializeTickets(req, result.docs), foundPage(result, query), http.req) }
  },
)

supportRoutes.get(
  '/tickets/:id',
  {
    summary: "One of the caller's tickets (staff: any), with the replies",
    auth: 'user',
    envelope: 'humanlink',
    params: IdParams,
    responses: { 200: humanlinkOut(TicketOut), 404: "No such ticket, or not the caller's" },
  },
  async ({ req, params }) => ({ body: humanlinkBody(await serializeTicket(req, await findTicket(req, params.id))) }),
)
