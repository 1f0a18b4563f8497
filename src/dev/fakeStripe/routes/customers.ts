import { attachPaymentMethod, createCustomer, findCustomer } from '../customers.ts'
import { listPage, whereParam } from '../list.ts'
import { mergeMetadata, optionalMetadata, optionalRecord, optionalString, requiredString, type Params } from '../params.ts'
import { paymentMethodFor } from '../payments.ts'
import { route, type Route } from '../router.ts'
import { getOrThrow, newestFirst, type FakeStore } from '../store.ts'
import type { Customer } from '../types.ts'

/** `invoice_settings[default_payment_method]`, validated like any payment method parameter. */
function defaultPaymentMethod(store: FakeStore, params: Params): string | undefined {
  const settings = optionalRecord(params, 'invoice_settings') ?? {}
  const name = 'invoice_settings[default_payment_method]'
  const id = optionalString(settings, 'default_payment_method', name)
  if (id) paymentMethodFor(store, id, name)
  return id
}

function update(store: FakeStore, customer: Customer, params: Params): Customer {
  const email = optionalString(params, 'email')
  const name = optionalString(params, 'name')
  const paymentMethod = optionalString(params, 'payment_method')
  if (paymentMethod) attachPaymentMethod(store, paymentMethod, customer, 'payment_method')
  const defaultMethod = defaultPaymentMethod(store, params)
  if (email !== undefined || params.email === '') customer.email = email ?? null
  if (name !== undefined || params.name === '') customer.name = name ?? null
  if (defaultMethod) customer.invoice_settings.default_payment_method = defaultMethod
  customer.metadata = mergeMetadata(customer.metadata, params)
  return customer
}

export const customerRoutes: Route[] = [
  route('POST', '/v1/customers', ({ params, store }) => {
    const defaultMethod = defaultPaymentMethod(store, params)
    const paymentMethod = optionalString(params, 'payment_method')
    if (paymentMethod) paymentMethodFor(store, paymentMethod, 'payment_method')
    const customer = createCustomer(store, {
      email: optionalString(params, 'email'),
      name: optionalString(params, 'name'),
      metadata: optionalMetadata(params),
      defaultPaymentMethod: defaultMethod,
    })
    if (paymentMethod) attachPaymentMethod(store, paymentMethod, customer, 'payment_method')
    return customer
  }),

  route('GET', '/v1/customers', ({ params, store }) =>
    listPage(whereParam(newestFirst(store.customers), params, 'email'), params, '/v1/customers'),
  ),

  route('GET', '/v1/customers/:id', ({ path, store }) => findCustomer(store, path[0])),

  route('POST', '/v1/customers/:id', ({ params, path, store }) => update(store, findCustomer(store, path[0]), params)),

  route('POST', '/v1/payment_methods/:id/attach', ({ params, path, store }) => {
    const customer = findCustomer(store, requiredString(params, 'customer'), 'customer')
    return attachPaymentMethod(store, path[0], customer)
  }),

  route('GET', '/v1/payment_methods/:id', ({ path, store }) => getOrThrow(store.paymentMethods, 'PaymentMethod', path[0])),
]
