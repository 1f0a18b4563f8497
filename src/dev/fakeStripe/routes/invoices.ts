import { listPage, whereParam } from '../list.ts'
import { route, type Route } from '../router.ts'
import { getOrThrow, newestFirst } from '../store.ts'

export const invoiceRoutes: Route[] = [
  route('GET', '/v1/invoices', ({ params, store }) => {
    let invoices = newestFirst(store.invoices)
    for (const field of ['customer', 'subscription', 'status'] as const) invoices = whereParam(invoices, params, field)
    return listPage(invoices, params, '/v1/invoices')
  }),

  route('GET', '/v1/invoices/:id', ({ path, store }) => getOrThrow(store.invoices, 'invoice', path[0])),
]
