import { createPriceFromParams, findPrice } from '../catalog.ts'
import { route, type Route } from '../router.ts'
import { getOrThrow } from '../store.ts'

export const priceRoutes: Route[] = [
  route('POST', '/v1/prices', ({ params, store }) => createPriceFromParams(store, params)),

  route('GET', '/v1/prices/:id', ({ path, store }) => findPrice(store, path[0], 'id')),

  route('GET', '/v1/products/:id', ({ path, store }) => getOrThrow(store.products, 'product', path[0])),
]
