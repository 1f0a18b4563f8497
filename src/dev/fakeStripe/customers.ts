import { newId, nowSeconds } from './ids.ts'
import { paymentMethodFor } from './payments.ts'
import { getOrThrow, type FakeStore } from './store.ts'
import type { Customer, Metadata, PaymentMethod } from './types.ts'

export type CustomerInput = { email?: string | null; name?: string | null; metadata?: Metadata; defaultPaymentMethod?: string | null }

export function createCustomer(store: FakeStore, input: CustomerInput): Customer {
  const customer: Customer = {
    id: newId('cus', 14),
    object: 'customer',
    created: nowSeconds(),
    livemode: false,
    email: input.email ?? null,
    name: input.name ?? null,
    metadata: input.metadata ?? {},
    invoice_settings: { default_payment_method: input.defaultPaymentMethod ?? null },
  }
  store.customers.set(customer.id, customer)
  return customer
}

export function findCustomer(store: FakeStore, id: string, param = 'id'): Customer {
  return getOrThrow(store.customers, 'customer', id, param)
}

/** Attaches a (possibly magic test) payment method to a customer, as POST /v1/payment_methods/:id/attach does. */
export function attachPaymentMethod(store: FakeStore, paymentMethodId: string, customer: Customer, param = 'id'): PaymentMethod {
  const method = paymentMethodFor(store, paymentMethodId, param)
  method.customer = customer.id
  return method
}
