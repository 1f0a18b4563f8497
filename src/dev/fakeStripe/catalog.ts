import { invalidRequest, missingParam } from './errors.ts'
import { newId, nowSeconds } from './ids.ts'
import {
  oneOf,
  optionalInteger,
  optionalMetadata,
  optionalRecord,
  optionalString,
  requiredInteger,
  requiredString,
  type Params,
} from './params.ts'
import { getOrThrow, type FakeStore } from './store.ts'
import type { Price, Product, Recurring } from './types.ts'

const INTERVALS = ['day', 'week', 'month', 'year'] as const

/** `line_items[0][price_data]` + `currency` → `line_items[0][price_data][currency]`; top level stays bare. */
export function paramName(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}[${key}]`
}

function createProduct(store: FakeStore, name: string, metadata: Record<string, string> = {}): Product {
  const product: Product = {
    id: newId('prod', 14),
    object: 'product',
    created: nowSeconds(),
    livemode: false,
    name,
    active: true,
    metadata,
  }
  store.products.set(product.id, product)
  return product
}

/**
 * A Price from Stripe's price parameters (POST /v1/prices at the top level, or the `price_data` of a line
 * item or subscription item under `prefix`): currency, unit_amount, product or product_data[name], recurring.
 */
export function createPriceFromParams(store: FakeStore, params: Params, prefix = ''): Price {
  const name = (key: string) => paramName(prefix, key)
  const currency = requiredString(params, 'currency', name('currency')).toLowerCase()
  const unitAmount = requiredInteger(params, 'unit_amount', name('unit_amount'))
  if (unitAmount < 0) throw invalidRequest('This value must be greater than or equal to 0.', name('unit_amount'))
  const product = productFor(store, params, prefix)
  const recurring = recurringFrom(params, prefix)
  const price: Price = {
    id: newId('price'),
    object: 'price',
    created: nowSeconds(),
    livemode: false,
    active: true,
    currency,
    unit_amount: unitAmount,
    product: product.id,
    recurring,
    type: recurring ? 'recurring' : 'one_time',
    metadata: optionalMetadata(params, 'metadata', name('metadata')) ?? {},
  }
  store.prices.set(price.id, price)
  return price
}

export function findPrice(store: FakeStore, id: string, param: string): Price {
  return getOrThrow(store.prices, 'price', id, param)
}

export function productName(store: FakeStore, price: Price): string {
  return store.products.get(price.product)?.name ?? price.product
}

function productFor(store: FakeStore, params: Params, prefix: string): Product {
  const productId = optionalString(params, 'product', paramName(prefix, 'product'))
  if (productId !== undefined) return getOrThrow(store.products, 'product', productId, paramName(prefix, 'product'))
  const productData = optionalRecord(params, 'product_data', paramName(prefix, 'product_data'))
  if (!productData) throw missingParam(paramName(prefix, 'product'))
  const dataPrefix = paramName(prefix, 'product_data')
  const metadata = optionalMetadata(productData, 'metadata', paramName(dataPrefix, 'metadata'))
  return createProduct(store, requiredString(productData, 'name', paramName(dataPrefix, 'name')), metadata)
}

function recurringFrom(params: Params, prefix: string): Recurring | null {
  const name = paramName(prefix, 'recurring')
  const recurring = optionalRecord(params, 'recurring', name)
  if (!recurring) return null
  const interval = oneOf(recurring, 'interval', INTERVALS, paramName(name, 'interval'))
  if (!interval) throw missingParam(paramName(name, 'interval'))
  const count = optionalInteger(recurring, 'interval_count', paramName(name, 'interval_count')) ?? 1
  return { interval, interval_count: count }
}
